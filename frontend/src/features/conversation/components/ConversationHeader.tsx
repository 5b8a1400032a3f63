import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { UrgentBadge } from '../../../components/UrgentBadge';
import type { ConversationSummary } from '../../../lib/api-types';
import { categoryLabel, languageLabel, platformLabel, priorityLabel, statusLabel } from '../../../lib/labels';

interface Props {
  conversation: ConversationSummary;
  closing: boolean;
  onClose: () => void;
  actions?: ReactNode;
  /** Readable but not the user's to act on: no solve button. */
  readOnly?: boolean;
}

export function ConversationHeader({ conversation: c, closing, onClose, actions, readOnly = false }: Props) {
  const { t } = useTranslation('conversation');
  const closed = c.status === 'closed';
  const solve = () => {
    // A buyer still waiting for a first answer is rarely solved: ask before closing on them.
    if (c.waitingSince && !window.confirm(t('solve.unanswered'))) return;
    onClose();
  };
  return (
    <header className="conv-header" data-testid="conversation-header">
      <div className="conv-header__main">
        <h2 className="conv-header__buyer" title={t('header.buyerId', { id: c.buyer.id })}>
          {c.buyer.name}
        </h2>
        {c.priority === 'normal' ? (
          <span className="badge badge--soft" data-testid="conversation-priority-normal">
            {priorityLabel('normal')}
          </span>
        ) : (
          <UrgentBadge testId={`conversation-priority-${c.priority}`} priority={c.priority} />
        )}
        <span className={`status status--${c.status}`} data-testid="conversation-status">
          {statusLabel(c.status)}
        </span>
        {!readOnly && <button
          type="button"
          className="button conv-header__close"
          data-testid="close-conversation"
          onClick={solve}
          disabled={closed || closing}
        >
          {closed ? t('header.solved') : closing ? t('header.marking') : t('header.markSolved')}
        </button>}
        {actions}
      </div>
      <dl className="conv-header__facts">
        <div>
          <dt>{t('header.shop')}</dt>
          <dd>
            <PlatformBadge platform={c.platform} /> {c.shopName}
            <span className="sr-only">{t('header.onPlatform', { platform: platformLabel(c.platform) })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('header.language')}</dt>
          <dd>{languageLabel(c.language)}</dd>
        </div>
        <div>
          <dt>{t('header.category')}</dt>
          <dd>{categoryLabel(c.category)}</dd>
        </div>
        <div>
          <dt>{t('header.assignee')}</dt>
          <dd data-testid="conversation-assignee">
            {c.assignee ? c.assignee.displayName : closed ? t('header.closedBy') : t('header.unassigned')}
          </dd>
        </div>
      </dl>
    </header>
  );
}
