import { useTranslation } from 'react-i18next';
import './quality.css';
import type { Role } from '../../../lib/api-types';

export type QualityPageName = 'spam' | 'report' | 'quick-replies' | 'rules';

const PAGES: { page: QualityPageName; roles: Role[] }[] = [
  { page: 'spam', roles: ['agent', 'supervisor', 'admin'] },
  { page: 'report', roles: ['agent', 'supervisor', 'admin'] },
  { page: 'quick-replies', roles: ['supervisor', 'admin'] },
  { page: 'rules', roles: ['supervisor', 'admin'] },
];

export const qualityHash = (page: QualityPageName) => (page === 'spam' ? '#/spam' : `#/quality/${page}`);

/**
 * The top bar's links to the inbox and the quality pages. `current` is null for the inbox and 'elsewhere'
 * when another page (console, accounts) is shown, so no link claims to be the current one.
 */
export function QualityNav({ role, current, onNavigate }: {
  role: Role;
  current: QualityPageName | null | 'elsewhere';
  onNavigate?: () => void;
}) {
  const { t } = useTranslation('quality');
  const link = (active: boolean) => `qnav__link${active ? ' qnav__link--current' : ''}`;
  return (
    <>
      <a href="#/" className={link(current === null)} aria-current={current === null ? 'page' : undefined}
        data-testid="nav-inbox" onClick={onNavigate}>
        {t('nav.inbox')}
      </a>
      {PAGES.filter((p) => p.roles.includes(role)).map((p) => (
        <a
          key={p.page}
          href={qualityHash(p.page)}
          className={link(current === p.page)}
          aria-current={current === p.page ? 'page' : undefined}
          data-testid={`nav-${p.page}`}
          onClick={onNavigate}
        >
          {t(`nav.${p.page}`)}
        </a>
      ))}
    </>
  );
}
