import type { AgentEvent, ConversationSummary, Role } from '../../../lib/api-types';

// The inbox list as a pure reducer: the HTTP snapshot and the socket events both feed it, in any order.
// Each summary is a full snapshot; a snapshot older (by updatedAt) than what is shown never replaces it,
// and a conversation that left the list (closed, or moved to another agent) stays gone for older snapshots.

export interface Viewer {
  id: number;
  role: Role;
}

export interface ConversationListState {
  viewer: Viewer;
  byId: Record<number, ConversationSummary>;
  /** Conversations that left the list, with the updatedAt (ms) of the snapshot that removed them. */
  gone: Record<number, number>;
}

export type ConversationListAction =
  | { type: 'loaded'; conversations: ConversationSummary[] }
  | { type: 'event'; event: AgentEvent }
  | { type: 'changed'; conversation: ConversationSummary }
  | { type: 'reset' };

export function initialListState(viewer: Viewer): ConversationListState {
  return { viewer, byId: {}, gone: {} };
}

export function conversationListReducer(
  state: ConversationListState,
  action: ConversationListAction,
): ConversationListState {
  switch (action.type) {
    case 'loaded':
      return action.conversations.reduce(applySummary, state);
    case 'changed':
      return applySummary(state, action.conversation);
    case 'reset':
      return initialListState(state.viewer);
    case 'event':
      return applyEvent(state, action.event);
  }
}

function applyEvent(state: ConversationListState, event: AgentEvent): ConversationListState {
  switch (event.event) {
    case 'conversation.assigned':
    case 'conversation.updated':
    case 'conversation.moved':
    case 'message.created':
    case 'sla.warning':
    case 'sla.breached':
      return event.data?.conversation ? applySummary(state, event.data.conversation) : state;
    default:
      return state;
  }
}

/**
 * Shown in this viewer's inbox? Closed and spam ones never; for an agent, only while they hold it (one that went
 * back to the queue, e.g. after they were offline too long, is no longer theirs to open).
 */
export function isListed(conversation: ConversationSummary, viewer: Viewer): boolean {
  if (conversation.status === 'closed' || conversation.status === 'spam') return false;
  if (viewer.role === 'agent' && conversation.assignee?.id !== viewer.id) return false;
  return true;
}

function applySummary(state: ConversationListState, incoming: ConversationSummary): ConversationListState {
  const at = timeOf(incoming.updatedAt);
  const shown = state.byId[incoming.id];
  if (shown && at !== null) {
    const shownAt = timeOf(shown.updatedAt);
    if (shownAt !== null && at < shownAt) return state;
  }
  const goneAt = state.gone[incoming.id];
  if (!shown && goneAt !== undefined && at !== null && at <= goneAt) return state;

  if (isListed(incoming, state.viewer)) {
    const { [incoming.id]: _removed, ...gone } = state.gone;
    return { ...state, byId: { ...state.byId, [incoming.id]: incoming }, gone };
  }
  const { [incoming.id]: _dropped, ...byId } = state.byId;
  return { ...state, byId, gone: { ...state.gone, [incoming.id]: at ?? 0 } };
}

function timeOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

const PRIORITY_RANK: Record<string, number> = { critical: 0, urgent: 1, normal: 2 };

/** Urgent first; then the longest waiting (answered ones after all waiting ones); then the oldest id. */
export function compareConversations(a: ConversationSummary, b: ConversationSummary): number {
  const rank = (PRIORITY_RANK[a.priority] ?? 3) - (PRIORITY_RANK[b.priority] ?? 3);
  if (rank !== 0) return rank;
  const aWait = timeOf(a.waitingSince) ?? Number.POSITIVE_INFINITY;
  const bWait = timeOf(b.waitingSince) ?? Number.POSITIVE_INFINITY;
  if (aWait !== bWait) return aWait < bWait ? -1 : 1;
  return a.id - b.id;
}

export function selectConversations(state: ConversationListState): ConversationSummary[] {
  return Object.values(state.byId).sort(compareConversations);
}
