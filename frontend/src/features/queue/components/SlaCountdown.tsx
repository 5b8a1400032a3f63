import { slaCountdown } from '../../../lib/sla';
import type { ConversationSummary } from '../../../lib/api-types';

export function SlaCountdown({ conversation, now }: { conversation: ConversationSummary; now: number }) {
  const c = slaCountdown(conversation.sla, conversation.waitingSince, now);
  return (
    <span
      className={`sla sla--${c.level}`}
      data-testid="sla-countdown"
      data-level={c.level}
      title={conversation.sla?.dueAt ? `First response due ${new Date(conversation.sla.dueAt).toLocaleTimeString()}` : ''}
    >
      {c.label}
    </span>
  );
}
