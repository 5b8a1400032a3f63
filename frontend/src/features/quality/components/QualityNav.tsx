import './quality.css';
import type { Role } from '../../../lib/api-types';

export type QualityPageName = 'spam' | 'report' | 'quick-replies' | 'rules';

const PAGES: { page: QualityPageName; label: string; roles: Role[] }[] = [
  { page: 'spam', label: 'Spam folder', roles: ['agent', 'supervisor', 'admin'] },
  { page: 'report', label: 'Quality report', roles: ['agent', 'supervisor', 'admin'] },
  { page: 'quick-replies', label: 'Quick replies', roles: ['supervisor', 'admin'] },
  { page: 'rules', label: 'Quality rules', roles: ['supervisor', 'admin'] },
];

export const qualityHash = (page: QualityPageName) => (page === 'spam' ? '#/spam' : `#/quality/${page}`);

/** The top bar's links to the inbox and the quality pages. */
export function QualityNav({ role, current }: { role: Role; current: QualityPageName | null }) {
  return (
    <nav className="qnav" aria-label="Pages">
      <a href="#/" className={`qnav__link${current === null ? ' qnav__link--current' : ''}`} data-testid="nav-inbox">
        Inbox
      </a>
      {PAGES.filter((p) => p.roles.includes(role)).map((p) => (
        <a
          key={p.page}
          href={qualityHash(p.page)}
          className={`qnav__link${current === p.page ? ' qnav__link--current' : ''}`}
          data-testid={`nav-${p.page}`}
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
