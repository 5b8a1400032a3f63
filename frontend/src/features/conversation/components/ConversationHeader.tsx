import type { ReactNode } from 'react';
import { PlatformBadge } from '../../../components/PlatformBadge';
import { UrgentBadge } from '../../../components/UrgentBadge';
import type { ConversationSummary } from '../../../lib/api-types';
import { categoryLabel, languageLabel, platformLabel, statusLabel } from '../../../lib/labels';

interface Props {
  conversation: ConversationSummary;
  closing: boolean;
  onClose: () => void;
  actions?: ReactNode;
}

export function ConversationHeader({ conversation: c, closing, onClose, actions }: Props) {
  const closed = c.status === 'closed';
  return (
    <header className="conv-header" data-testid="conversation-header">
      <div className="conv-header__main">
        <h2 className="conv-header__buyer" title={`Buyer id ${c.buyer.id}`}>
          {c.buyer.name}
        </h2>
        {c.priority === 'urgent' ? <UrgentBadge testId="conversation-priority-urgent" /> : <span className="badge badge--soft">Normal</span>}
        <span className={`status status--${c.status}`} data-testid="conversation-status">
          {statusLabel(c.status)}
        </span>
        <button
          type="button"
          className="button conv-header__close"
          data-testid="close-conversation"
          onClick={onClose}
          disabled={closed || closing}
        >
          {closed ? 'Solved' : closing ? 'Marking…' : 'Mark solved'}
        </button>
        {actions}
      </div>
      <dl className="conv-header__facts">
        <div>
          <dt>Shop</dt>
          <dd>
            <PlatformBadge platform={c.platform} /> {c.shopName}
            <span className="sr-only"> on {platformLabel(c.platform)}</span>
          </dd>
        </div>
        <div>
          <dt>Language</dt>
          <dd>{languageLabel(c.language)}</dd>
        </div>
        <div>
          <dt>Category</dt>
          <dd>{categoryLabel(c.category)}</dd>
        </div>
        <div>
          <dt>Assignee</dt>
          <dd data-testid="conversation-assignee">{c.assignee ? c.assignee.displayName : 'Unassigned (queued)'}</dd>
        </div>
      </dl>
    </header>
  );
}
