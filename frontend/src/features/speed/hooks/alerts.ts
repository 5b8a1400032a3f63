// What deserves a sound or a desktop notification, and the per-conversation unread counts. Pure.
import type { AgentEvent, ConversationSummary, TimelineEntry } from '../../../lib/api-types';

export interface AlertPreferences {
  sound: boolean;
  desktop: boolean;
}

export type AlertKind = 'new' | 'urgent';

export interface Alert {
  kind: AlertKind;
  conversation: ConversationSummary;
  text: string | null;
}

/**
 * A chat that became the user's (assigned to them) is "new"; a buyer message in a chat that is urgent
 * or critical, or a chat raised by the SLA warning, is "urgent". A buyer message in the chat the user is
 * looking at (with the window in front) alerts nobody; nothing is alerted for the user's own replies.
 */
export function alertFor(event: AgentEvent, me: number, open: { id: number | null; visible: boolean }): Alert | null {
  const looking = (id: number) => open.visible && open.id === id;
  switch (event.event) {
    case 'conversation.assigned': {
      const c = event.data.conversation;
      if (c.assignee?.id !== me || looking(c.id)) return null;
      return { kind: c.priority === 'normal' ? 'new' : 'urgent', conversation: c, text: c.lastMessage?.text ?? null };
    }
    case 'message.created': {
      const { conversation: c, message } = event.data;
      if (!fromBuyer(message) || c.priority === 'normal' || looking(c.id)) return null;
      return { kind: 'urgent', conversation: c, text: message.text };
    }
    case 'sla.warning':
      return looking(event.data.conversation.id) ? null : { kind: 'urgent', conversation: event.data.conversation, text: null };
    default:
      return null;
  }
}

/** Unread buyer messages per conversation: counted when they arrive elsewhere, cleared when it is opened. */
export function countUnread(
  unread: ReadonlyMap<number, number>,
  event: AgentEvent,
  open: { id: number | null; visible: boolean },
): ReadonlyMap<number, number> {
  if (event.event !== 'message.created' || !fromBuyer(event.data.message)) return unread;
  const id = event.data.conversationId;
  if (open.visible && open.id === id) return unread;
  const next = new Map(unread);
  next.set(id, (unread.get(id) ?? 0) + 1);
  return next;
}

/**
 * The server's counts when the list is (re)loaded: they replace the counts kept so far (the server knows
 * what was read on another device), except for the chat open now, which is being read.
 */
export function seedUnread(loaded: ReadonlyMap<number, number>, openId: number | null): ReadonlyMap<number, number> {
  const next = new Map<number, number>();
  loaded.forEach((count, id) => {
    if (count > 0 && id !== openId) next.set(id, count);
  });
  return next;
}

/** The buyer message that just arrived in the chat the user is looking at (read at once), or null. */
export function seenOnArrival(
  event: AgentEvent,
  open: { id: number | null; visible: boolean },
): { conversationId: number; messageId: number } | null {
  if (event.event !== 'message.created' || !fromBuyer(event.data.message)) return null;
  const { conversationId, message } = event.data;
  return open.visible && open.id === conversationId ? { conversationId, messageId: message.id } : null;
}

export function markRead(unread: ReadonlyMap<number, number>, id: number | null): ReadonlyMap<number, number> {
  if (id === null || !unread.has(id)) return unread;
  const next = new Map(unread);
  next.delete(id);
  return next;
}

function fromBuyer(entry: TimelineEntry): boolean {
  return 'direction' in entry && entry.direction === 'in';
}
