import { useEffect, useState } from 'react';
import type { QualityPageName } from '../features/quality/components/QualityNav';

// The quality pages live in the URL hash too: #/spam, #/quality/report, #/quality/rules, #/quality/quick-replies.
const PATTERN = /^#\/(?:(spam)|quality\/(report|rules|quick-replies))$/;

function fromHash(): QualityPageName | null {
  const match = PATTERN.exec(window.location.hash);
  return match ? ((match[1] ?? match[2]) as QualityPageName) : null;
}

export function useQualityPage(): QualityPageName | null {
  const [page, setPage] = useState<QualityPageName | null>(fromHash);
  useEffect(() => {
    const onHashChange = () => setPage(fromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return page;
}
