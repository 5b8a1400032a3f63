import type { AgentEvent, ConversationSummary, MessageEntry, MessageStatus, TimelineEntry } from '../../../lib/api-types';

// One open conversation: its summary and its timeline, fed by the HTTP detail, the reply call and socket
// events in whatever order they land. A reply shows at once as a local "pending" bubble; the 202 answer
// gives it its server id, and `message.status` turns it sent/failed (even if that event came first) and
// removes the platform's copy of it that a push or poll stored before the send was marked.

export type TimelineItem = TimelineEntry & { key: string; local?: boolean };

export interface ConversationState {
  id: number;
  conversation: ConversationSummary | null;
  items: TimelineItem[];
  /** `message.status` seen for a message not in the timeline yet. */
  earlyStatus: Record<number, { status: MessageStatus; error: string | null }>;
}

export type ConversationAction =
  | { type: 'loaded'; conversation: ConversationSummary; timeline: TimelineEntry[] }
  | { type: 'event'; event: AgentEvent }
  | { type: 'changed'; conversation: ConversationSummary }
  | { type: 'replyStarted'; localKey: string; text: string; author: string; at: string }
  | { type: 'replyAccepted'; localKey: string; message: MessageEntry }
  | { type: 'replyWithdrawn'; localKey: string };

export function initialConversationState(id: number): ConversationState {
  return { id, conversation: null, items: [], earlyStatus: {} };
}

const keyOf = (entry: TimelineEntry) => `${entry.kind}:${entry.id}`;

export function conversationReducer(state: ConversationState, action: ConversationAction): ConversationState {
  switch (action.type) {
    case 'loaded': {
      const withSummary = withConversation(state, action.conversation);
      const fromServer = action.timeline.map((entry) => ({ ...entry, key: keyOf(entry) }) as TimelineItem);
      const serverKeys = new Set(fromServer.map((item) => item.key));
      const known = new Map(state.items.map((item) => [item.key, item]));
      const merged = fromServer.map((item) => {
        const shown = known.get(item.key);
        return shown ? mergeEntry(shown, item) : item;
      });
      const extra = state.items.filter((item) => !serverKeys.has(item.key));
      return applyEarlyStatus({ ...withSummary, items: [...merged, ...extra] });
    }
    case 'changed':
      return withConversation(state, action.conversation);
    case 'event':
      return applyEvent(state, action.event);
    case 'replyStarted': {
      const local: TimelineItem = {
        kind: 'message',
        id: -1,
        key: `local:${action.localKey}`,
        local: true,
        direction: 'out',
        text: action.text,
        at: action.at,
        status: 'pending',
        author: action.author,
        error: null,
      };
      return { ...state, items: [...state.items, local] };
    }
    case 'replyAccepted': {
      const localKey = `local:${action.localKey}`;
      const serverItem = { ...action.message, key: keyOf(action.message) } as TimelineItem;
      const already = state.items.some((item) => item.key === serverItem.key);
      const items = already
        ? state.items.filter((item) => item.key !== localKey).map((item) => (item.key === serverItem.key ? mergeEntry(item, serverItem) : item))
        : state.items.map((item) => (item.key === localKey ? serverItem : item));
      return applyEarlyStatus({ ...state, items });
    }
    case 'replyWithdrawn': {
      const localKey = `local:${action.localKey}`;
      return { ...state, items: state.items.filter((item) => item.key !== localKey) };
    }
  }
}

function applyEvent(state: ConversationState, event: AgentEvent): ConversationState {
  switch (event.event) {
    case 'conversation.assigned':
    case 'conversation.updated':
    case 'sla.warning':
    case 'sla.breached':
      return event.data?.conversation?.id === state.id ? withConversation(state, event.data.conversation) : state;
    case 'message.created': {
      if (event.data?.conversationId !== state.id || !event.data.message) return state;
      const next = event.data.conversation ? withConversation(state, event.data.conversation) : state;
      return upsert(next, event.data.message);
    }
    case 'message.status': {
      const { conversationId, messageId, status, error, removed } = event.data ?? {};
      if (conversationId !== state.id) return state;
      const gone = new Set((removed ?? []).map((id: number) => `message:${id}`));
      const shown = gone.size === 0 ? state : { ...state, items: state.items.filter((item) => !gone.has(item.key)) };
      const key = `message:${messageId}`;
      if (!shown.items.some((item) => item.key === key)) {
        return { ...shown, earlyStatus: { ...shown.earlyStatus, [messageId]: { status, error: error ?? null } } };
      }
      const items = shown.items.map((item) =>
        item.key === key ? ({ ...item, status, error: error ?? null } as TimelineItem) : item,
      );
      return { ...shown, items };
    }
    default:
      return state;
  }
}

function upsert(state: ConversationState, entry: TimelineEntry): ConversationState {
  const incoming = { ...entry, key: keyOf(entry) } as TimelineItem;
  const exists = state.items.some((item) => item.key === incoming.key);
  const items = exists
    ? state.items.map((item) => (item.key === incoming.key ? mergeEntry(item, incoming) : item))
    : [...state.items, incoming];
  return applyEarlyStatus({ ...state, items });
}

/** A newer copy of an entry, except that a message never goes back from sent/failed to pending. */
function mergeEntry(shown: TimelineItem, incoming: TimelineItem): TimelineItem {
  if (shown.kind === 'message' && incoming.kind === 'message' && incoming.status === 'pending' && shown.status !== 'pending') {
    return { ...incoming, status: shown.status, error: shown.error ?? null };
  }
  return incoming;
}

function applyEarlyStatus(state: ConversationState): ConversationState {
  const pendingIds = Object.keys(state.earlyStatus).map(Number);
  if (pendingIds.length === 0) return state;
  const earlyStatus = { ...state.earlyStatus };
  const items = state.items.map((item) => {
    const early = item.kind === 'message' && !item.local ? earlyStatus[item.id] : undefined;
    if (!early) return item;
    delete earlyStatus[item.id];
    return { ...item, status: early.status, error: early.error } as TimelineItem;
  });
  return { ...state, items, earlyStatus };
}

function withConversation(state: ConversationState, incoming: ConversationSummary): ConversationState {
  if (incoming.id !== state.id) return state;
  const shown = state.conversation;
  if (shown && Date.parse(incoming.updatedAt) < Date.parse(shown.updatedAt)) return state;
  return { ...state, conversation: incoming };
}
