import type { KeyboardEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../lib/api-types';
import { useNow } from '../../../lib/use-now';
import { ConversationRow } from './ConversationRow';
import './inbox.css';

interface Props {
  conversations: ConversationSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  /** For search results: the heading, the count line, the text when empty and what follows the list. */
  title?: string;
  countText?: string;
  emptyText?: string;
  footer?: ReactNode;
  /** Buyer messages not yet seen, per conversation. */
  unread?: ReadonlyMap<number, number>;
  /** Supervisors see who owns each conversation. */
  showOwner?: boolean;
}

export function ConversationList(props: Props) {
  const { conversations, selectedId, onSelect, loading, error, onRetry, title, countText, emptyText, footer, unread, showOwner } = props;
  const { t } = useTranslation(['inbox', 'common']);
  const now = useNow(1000);
  const urgent = conversations.filter((c) => c.priority !== 'normal').length;

  // Arrow keys move through the list (the focused row follows the selection).
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    if (conversations.length === 0) return;
    event.preventDefault();
    const index = conversations.findIndex((c) => c.id === selectedId);
    const next = event.key === 'ArrowDown' ? Math.min(conversations.length - 1, index + 1) : Math.max(0, index - 1);
    const target = conversations[next];
    onSelect(target.id);
    event.currentTarget.querySelector<HTMLElement>(`[data-conversation-id="${target.id}"]`)?.focus();
  }

  return (
    <section className="inbox" data-testid="inbox" aria-label={t('label')}>
      <header className="inbox__header">
        <h2>{title ?? t('title')}</h2>
        <span className="inbox__counts" data-testid="inbox-counts">
          {countText ?? t('open', { count: conversations.length })}
          {countText === undefined && urgent > 0 && <strong>{t('urgent', { count: urgent })}</strong>}
        </span>
      </header>
      {error && (
        <div className="inbox__notice inbox__notice--error" role="alert">
          {error}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('common:retry')}
          </button>
        </div>
      )}
      {!error && loading && conversations.length === 0 && <div className="inbox__notice">{t('common:loading')}</div>}
      {!error && !loading && conversations.length === 0 && (
        <div className="inbox__notice">{emptyText ?? t('empty')}</div>
      )}
      <ul className="inbox__list" data-testid="conversation-list" onKeyDown={onKeyDown}>
        {conversations.map((c) => (
          <ConversationRow
            key={c.id}
            conversation={c}
            selected={c.id === selectedId}
            now={now}
            onSelect={onSelect}
            unread={unread?.get(c.id) ?? 0}
            showOwner={showOwner}
          />
        ))}
      </ul>
      {footer}
    </section>
  );
}
