import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentEventSource, ConversationSummary } from '../../../lib/api-types';
import type { ComposerSlotProps } from '../../../lib/composer-slot';
import { useConversation } from '../hooks/useConversation';
import { useCustomerContext } from '../hooks/useCustomerContext';
import { useSendCapabilities } from '../hooks/useSendCapabilities';
import { ConversationHeader } from './ConversationHeader';
import { HandoverNoteEditor } from './HandoverNoteEditor';
import { NoteBox } from './NoteBox';
import { CardSender } from './CardSender';
import { CustomerPanel } from './CustomerPanel';
import { TransferBox } from './TransferBox';
import { Timeline } from './Timeline';
import './conversation.css';

interface Props {
  id: number;
  events: AgentEventSource;
  author: string;
  onChanged: (conversation: ConversationSummary) => void;
  /** The reply composer (a feature of its own: compliance check, quick replies). */
  renderComposer: (props: ComposerSlotProps) => ReactNode;
  /** Extra actions in the header (e.g. inviting a satisfaction rating). */
  renderHeaderActions?: (conversation: ConversationSummary) => ReactNode;
  /** Opens another conversation (from the customer panel). */
  onOpenConversation?: (id: number) => void;
}

export function ConversationView(props: Props) {
  const { id, events, author, onChanged, renderComposer, renderHeaderActions, onOpenConversation } = props;
  const { t } = useTranslation(['conversation', 'common']);
  const { conversation, items, loadError, actionError, closing, reply, close, retryLoad, moved, access } = useConversation(
    id,
    events,
    author,
    onChanged,
  );
  const capabilities = useSendCapabilities(conversation?.accountId ?? '');
  const customer = useCustomerContext(id);

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
  // Solved, or someone else's: the whole timeline to read, nothing to act with (no composer, no tools).
  const readOnly = closed || access === 'read';
  return (
    <div className="conv-with-customer">
    <section className="conv" data-testid="conversation-view" data-conversation-id={id} data-read-only={readOnly} aria-label={t('label', { buyer: conversation.buyer.name })}>
      <ConversationHeader
        conversation={conversation}
        closing={closing}
        readOnly={access === 'read'}
        onClose={() => void close()}
        actions={readOnly ? null : renderHeaderActions?.(conversation)}
      />
      {readOnly && (
        <div className="conv__banner" role="status" data-testid="read-only-banner">
          {closed ? t('readOnly.solved') : t('readOnly.notYours')}
        </div>
      )}
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
      {!readOnly && (
        <>
          {/* The tools scroll on their own, so open panels never squeeze the timeline to a strip (bug 8). */}
          <div className="conv__tools" data-testid="conversation-tools">
            <NoteBox conversationId={id} />
            <HandoverNoteEditor conversationId={id} />
            <TransferBox conversationId={id} />
            <CardSender conversationId={id} capabilities={capabilities} orders={customer.context?.orders.items ?? []} />
          </div>
          {renderComposer({
            conversationId: id,
            buyerName: conversation.buyer.name,
            disabledReason: null,
            maxLength: capabilities?.maxTextLength ?? null,
            onSend: reply,
          })}
        </>
      )}
    </section>
    <CustomerPanel context={customer.context} failed={customer.failed} onOpen={onOpenConversation} />
    </div>
  );
}
