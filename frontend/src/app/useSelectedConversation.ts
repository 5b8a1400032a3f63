import { useCallback, useEffect, useState } from 'react';

// The open conversation lives in the URL hash (#/conversations/12), so a reload reopens it.
const PATTERN = /^#\/conversations\/(\d+)$/;

function fromHash(): number | null {
  const match = PATTERN.exec(window.location.hash);
  return match ? Number(match[1]) : null;
}

export function useSelectedConversation() {
  const [selectedId, setSelectedId] = useState<number | null>(fromHash);

  useEffect(() => {
    const onHashChange = () => setSelectedId(fromHash());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const select = useCallback((id: number | null) => {
    setSelectedId(id);
    const hash = id === null ? '' : `#/conversations/${id}`;
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, []);

  return { selectedId, select };
}
