import { describe, expect, it } from 'vitest';
import type { AgentEvent, ConversationSummary } from '../../../lib/api-types';
import { conversationSummary } from '../../../test-fixtures';
import { alertFor, countUnread, markRead, seedUnread, seenOnArrival } from './alerts';

const conversation = (id: number, priority: 'normal' | 'urgent' | 'critical', assignee: number | null): ConversationSummary =>
  conversationSummary({
    id,
    priority,
    status: assignee ? 'assigned' : 'queued',
    assignee: assignee ? { id: assignee, displayName: 'Mei' } : null,
    lastMessage: { text: '在吗', at: '2026-11-30T10:00:00Z', direction: 'in' },
  });

const assigned = (c: ConversationSummary): AgentEvent => ({ seq: 1, event: 'conversation.assigned', at: '', data: { conversation: c } });
const message = (c: ConversationSummary, direction: 'in' | 'out', text = '快点'): AgentEvent => ({
  seq: 2,
  event: 'message.created',
  at: '',
  data: { conversationId: c.id, conversation: c, message: { kind: 'message', id: 9, direction, text, at: '', status: 'received', author: 'x', error: null } as never },
});
const away = { id: null, visible: true };

describe('alerts', () => {
  it('a chat assigned to me is new, an urgent one urgent; someone else’s is nothing', () => {
    expect(alertFor(assigned(conversation(1, 'normal', 7)), 7, away)?.kind).toBe('new');
    expect(alertFor(assigned(conversation(1, 'urgent', 7)), 7, away)?.kind).toBe('urgent');
    expect(alertFor(assigned(conversation(1, 'normal', 8)), 7, away)).toBeNull();
  });

  it('buyer messages alert only when the chat is urgent and not the one in front of me', () => {
    expect(alertFor(message(conversation(2, 'critical', 7), 'in'), 7, away)).toMatchObject({ kind: 'urgent', text: '快点' });
    expect(alertFor(message(conversation(2, 'normal', 7), 'in'), 7, away)).toBeNull();
    expect(alertFor(message(conversation(2, 'urgent', 7), 'out'), 7, away)).toBeNull();
    expect(alertFor(message(conversation(2, 'urgent', 7), 'in'), 7, { id: 2, visible: true })).toBeNull();
    // the same chat open but the window hidden: still alerted
    expect(alertFor(message(conversation(2, 'urgent', 7), 'in'), 7, { id: 2, visible: false })?.kind).toBe('urgent');
  });

  it('counts unread buyer messages per chat and clears them on opening', () => {
    let unread: ReadonlyMap<number, number> = new Map();
    unread = countUnread(unread, message(conversation(3, 'normal', 7), 'in'), away);
    unread = countUnread(unread, message(conversation(3, 'normal', 7), 'in'), away);
    unread = countUnread(unread, message(conversation(4, 'normal', 7), 'out'), away);
    unread = countUnread(unread, message(conversation(5, 'normal', 7), 'in'), { id: 5, visible: true });
    expect([...unread]).toEqual([[3, 2]]);
    expect([...markRead(unread, 3)]).toEqual([]);
    expect(markRead(unread, 99)).toBe(unread);
  });

  it('the server’s counts replace the local ones when the list loads, except the chat open now', () => {
    const loaded = new Map([[3, 2], [4, 0], [6, 1]]);
    expect([...seedUnread(loaded, null)]).toEqual([[3, 2], [6, 1]]);
    expect([...seedUnread(loaded, 6)]).toEqual([[3, 2]]);
  });

  it('a buyer message arriving in the chat in front of me is read at once, by its id', () => {
    expect(seenOnArrival(message(conversation(5, 'normal', 7), 'in'), { id: 5, visible: true })).toEqual({ conversationId: 5, messageId: 9 });
    expect(seenOnArrival(message(conversation(5, 'normal', 7), 'in'), { id: 5, visible: false })).toBeNull();
    expect(seenOnArrival(message(conversation(5, 'normal', 7), 'in'), away)).toBeNull();
    expect(seenOnArrival(message(conversation(5, 'normal', 7), 'out'), { id: 5, visible: true })).toBeNull();
  });
});
