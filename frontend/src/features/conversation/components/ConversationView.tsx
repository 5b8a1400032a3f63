import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentEventSource, ConversationSummary } from '../../../lib/api-types';
import type { ComposerSlotProps } from '../../../lib/composer-slot';
import { useConversation } from '../hooks/useConversation';
import { useSendCapabilities } from '../hooks/useSendCapabilities';
import { ConversationHeader } from './ConversationHeader';
import { HandoverNoteEditor } from './HandoverNoteEditor';
import { NoteBox } from './NoteBox';
import { CardSender } from './CardSender';
import { TransferBox } from './TransferBox';
import { ReplyBox } from './ReplyBox';
import { Timeline } from './Timeline';
import './conversation.css';

interface Props {
  id: number;
  events: AgentEventSource;
  author: string;
  onChanged: (conversation: ConversationSummary) => void;
  /** A richer composer (compliance check, quick replies) in place of the plain reply box. */
  renderComposer?: (props: ComposerSlotProps) => ReactNode;
  /** Extra actions in the header (e.g. inviting a satisfaction rating). */
  renderHeaderActions?: (conversation: ConversationSummary) => ReactNode;
}

export function ConversationView({ id, events, author, onChanged, renderComposer, renderHeaderActions }: Props) {
  const { t } = useTranslation(['conversation', 'common']);
  const { conversation, items, loadError, actionError, closing, reply, close, retryLoad, moved } = useConversation(
    id,
    events,
    author,
    onChanged,
  );
  const capabilities = useSendCapabilities(conversation?.accountId ?? '');

  if (!conversation) {
    return (
      <section className="conv conv--empty" data-testid="conversation-view">
        {loadError ? (
          <p role="alert">
            {loadError}{' '}
            <button type="button" className="link-button" onClick={retryLoad}>
              {t('common:retry')}
            </button>
          </p>
        ) : (
          <p>{t('loading')}</p>
        )}
      </section>
    );
  }

  const closed = conversation.status === 'closed';
  return (
    <section className="conv" data-testid="conversation-view" data-conversation-id={id} aria-label={t('label', { buyer: conversation.buyer.name })}>
      <ConversationHeader
        conversation={conversation}
        closing={closing}
        onClose={() => void close()}
        actions={renderHeaderActions?.(conversation)}
      />
      {(actionError || loadError) && (
        <div className="conv__notice" role="alert">
          {actionError ?? loadError}
        </div>
      )}
      <Timeline items={items} />
      {moved && (
        <div className="conv__moved" role="status" data-testid="conversation-moved">
          {moved}
        </div>
      )}
      {/* The tools scroll on their own, so open panels never squeeze the timeline to a strip (bug 8). */}
      <div className="conv__tools" data-testid="conversation-tools">
        <NoteBox conversationId={id} />
        {!closed && <HandoverNoteEditor conversationId={id} />}
        {!closed && <TransferBox conversationId={id} />}
        {!closed && <CardSender conversationId={id} capabilities={capabilities} />}
      </div>
      {renderComposer ? (
        renderComposer({
          conversationId: id,
          buyerName: conversation.buyer.name,
          disabledReason: closed ? t('solvedReason') : null,
          maxLength: capabilities?.maxTextLength ?? null,
          onSend: reply,
        })
      ) : (
        <ReplyBox
          buyerName={conversation.buyer.name}
          disabledReason={closed ? t('solvedReason') : null}
          onSend={reply}
        />
      )}
    </section>
  );
}
