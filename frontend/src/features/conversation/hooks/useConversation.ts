import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { errorText as apiErrorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import type { AgentEventSource, ConversationSummary } from '../../../lib/api-types';
import type { ReplyOverride } from '../../../lib/composer-slot';
import { closeConversation } from '../api/close-conversation';
import { getConversation } from '../api/get-conversation';
import { sendReply } from '../api/send-reply';
import { conversationReducer, initialConversationState } from './timeline-reducer';

let localCounter = 0;

/**
 * One open conversation: detail over HTTP, live updates from the socket, replying and closing.
 * Mount it with `key={id}` so a different conversation starts from a fresh state.
 */
export function useConversation(
  id: number,
  events: AgentEventSource,
  author: string,
  onChanged: (conversation: ConversationSummary) => void,
) {
  const [state, dispatch] = useReducer(conversationReducer, id, initialConversationState);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [closing, setClosing] = useState(false);
  const [generation, setGeneration] = useState(0);
  const [moved, setMoved] = useState<string | null>(null);
  const [access, setAccess] = useState<'act' | 'read'>('act');
  // Solving it hands it back to nobody: the agent may lose read access, which is no error to show (bug 2).
  const solvedHere = useRef(false);

  useEffect(
    () =>
      events.onEvent((event) => {
        dispatch({ type: 'event', event });
        // Assignment and status changes add activity entries, which have no event of their own: reload.
        if (
          (event.event === 'conversation.updated' ||
            event.event === 'conversation.assigned' ||
            event.event === 'conversation.moved') &&
          event.data?.conversation?.id === id
        ) {
          setGeneration((g) => g + 1);
        }
        if (event.event === 'note.created' && event.data?.conversationId === id) setGeneration((g) => g + 1);
        if (event.event === 'conversation.moved' && event.data?.conversation?.id === id) {
          // Tell whoever has it open (the former owner above all: a reply now would be refused with 409).
          const { from, to, by, reason } = event.data;
          const target = to ? to.displayName : i18n.t('conversation:moved.queue');
          setMoved(
            (from ? i18n.t('conversation:movedFrom', { from: from.displayName, to: target }) : i18n.t('conversation:moved', { to: target })) +
              (by ? i18n.t('conversation:moved.by', { by: by.displayName }) : '') +
              (reason ? i18n.t('conversation:moved.reason', { reason }) : ''),
          );
        }
      }),
    [events, id],
  );

  useEffect(() => events.onReset(() => setGeneration((g) => g + 1)), [events]);

  useEffect(() => {
    const abort = new AbortController();
    getConversation(id, abort.signal)
      .then((detail) => {
        dispatch({ type: 'loaded', conversation: detail.conversation, timeline: detail.timeline });
        setAccess(detail.access ?? 'act');
        setLoadError(null);
      })
      .catch((e: unknown) => {
        if (abort.signal.aborted) return;
        if (solvedHere.current && e instanceof ApiError && e.status === 403) return;
        setLoadError(errorText(e, i18n.t('conversation:error.load')));
      });
    return () => abort.abort();
  }, [id, generation]);

  const reply = useCallback(
    async (text: string, override?: ReplyOverride) => {
      const localKey = `${Date.now()}-${++localCounter}`;
      dispatch({ type: 'replyStarted', localKey, text, author, at: new Date().toISOString() });
      try {
        const message = await sendReply(id, text, override);
        dispatch({ type: 'replyAccepted', localKey, message });
        // An override is recorded as a timeline activity, which has no event of its own: reload (bug 6).
        if (override) setGeneration((g) => g + 1);
      } catch (e) {
        // Not accepted: nothing was stored, so no bubble stays; the composer keeps the draft and offers a retry.
        dispatch({ type: 'replyWithdrawn', localKey });
        throw new Error(errorText(e, i18n.t('conversation:error.notSent')));
      }
    },
    [id, author],
  );

  const close = useCallback(async () => {
    setClosing(true);
    setActionError(null);
    try {
      const conversation = await closeConversation(id);
      solvedHere.current = true;
      dispatch({ type: 'changed', conversation });
      onChanged(conversation);
    } catch (e) {
      setActionError(errorText(e, i18n.t('conversation:error.solve')));
    } finally {
      setClosing(false);
    }
  }, [id, onChanged]);

  const retryLoad = useCallback(() => setGeneration((g) => g + 1), []);

  return { ...state, loadError, actionError, closing, reply, close, retryLoad, moved, access };
}

function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return i18n.t('conversation:error.notFound');
    if (error.status === 403) return i18n.t('conversation:error.noAccess');
  }
  return apiErrorText(error, fallback);
}
