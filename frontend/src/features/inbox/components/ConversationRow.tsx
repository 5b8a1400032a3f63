import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { UrgentBadge } from '../../../components/UrgentBadge';
import type { ConversationSummary } from '../../../lib/api-types';
import { categoryLabel, languageLabel } from '../../../lib/labels';
import { WaitingTime } from './WaitingTime';

interface Props {
  conversation: ConversationSummary;
  selected: boolean;
  now: number;
  onSelect: (id: number) => void;
  unread?: number;
  /** Supervisors' lists: who owns the conversation (its readable name, or "queued"). */
  showOwner?: boolean;
}

/** The owner's readable name; "queued" while it waits in the queue; "nobody" for a solved or parked one. */
export function ownerText(c: ConversationSummary, t: (key: string) => string): string {
  if (c.assignee) return c.assignee.displayName;
  return c.status === 'queued' ? t('owner.queued') : t('owner.none');
}

export const ConversationRow = memo(function ConversationRow({ conversation: c, selected, now, onSelect, unread = 0, showOwner = false }: Props) {
  const { t } = useTranslation('inbox');
  const urgent = c.priority !== 'normal';
  const match = (c as { match?: { text: string } | null }).match;
  const preview = match
    ? t('find.match', { text: match.text })
    : !c.lastMessage
    ? t('noMessages')
    : c.lastMessage.direction === 'out'
      ? t('you', { text: c.lastMessage.text })
      : c.lastMessage.text;
  return (
    <li>
      <button
        type="button"
        className={`row${selected ? ' row--selected' : ''}${urgent ? ' row--urgent' : ''}`}
        data-testid="conversation-row"
        data-conversation-id={c.id}
        data-priority={c.priority}
        data-status={c.status}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(c.id)}
      >
        <span className="row__line">
          <PlatformBadge platform={c.platform} />
          <span className="row__shop" title={c.shopName}>
            {c.shopName}
          </span>
          {urgent && <UrgentBadge testId="conversation-urgent-badge" priority={c.priority === 'critical' ? 'critical' : 'urgent'} />}
          {unread > 0 && (
            <span className="row__unread" data-testid="unread-badge" aria-label={t('unread', { count: unread })}>
              {unread}
            </span>
          )}
          <WaitingTime since={c.waitingSince} now={now} sla={c.sla} />
        </span>
        <span className="row__line">
          <span className="row__buyer" title={c.buyer.name}>
            {c.buyer.name}
          </span>
          <span className="badge badge--soft" title={t('language')}>
            {languageLabel(c.language)}
          </span>
          <span className="row__category">{categoryLabel(c.category)}</span>
        </span>
        <span className="row__preview" data-testid="conversation-preview" title={c.lastMessage?.text}>
          {preview}
        </span>
        {showOwner && (
          <span className="row__owner" data-testid="conversation-owner" data-owner-id={c.assignee?.id ?? ''}>
            {t('owner.label', { name: ownerText(c, t) })}
          </span>
        )}
      </button>
    </li>
  );
});
