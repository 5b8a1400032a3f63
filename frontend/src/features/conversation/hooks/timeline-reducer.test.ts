import { describe, expect, it } from 'vitest';
import type { AgentEvent, ConversationSummary, MessageEntry } from '../../../lib/api-types';
import { conversationSummary } from '../../../test-fixtures';
import { conversationReducer, initialConversationState, type ConversationAction, type ConversationState } from './timeline-reducer';

const summary = (overrides: Partial<ConversationSummary> = {}): ConversationSummary =>
  conversationSummary({ priority: 'urgent', category: 'after_sale', ...overrides });

const incoming: MessageEntry = {
  kind: 'message', id: 91, direction: 'in', text: 'barang rosak', at: '2026-11-23T14:02:11Z', status: 'received', author: 'aisyah.r',
};
const reply = (status: MessageEntry['status'] = 'pending'): MessageEntry => ({
  kind: 'message', id: 92, direction: 'out', text: 'Maaf, kami ganti', at: '2026-11-23T14:03:00Z', status, author: 'Mei (agent)', error: null,
});

let seq = 0;
const ev = (event: AgentEvent['event'], data: unknown) => ({ type: 'event', event: { seq: ++seq, event, at: '', data } as AgentEvent }) as const;
const run = (state: ConversationState, ...actions: ConversationAction[]) => actions.reduce(conversationReducer, state);
const loaded = (): ConversationState =>
  run(initialConversationState(12), {
    type: 'loaded',
    conversation: summary(),
    timeline: [incoming, { kind: 'activity', id: 17, type: 'assigned', text: 'Assigned to Mei (agent)', at: '2026-11-23T14:02:12Z' }],
  });
const started: ConversationAction = { type: 'replyStarted', localKey: 'a', text: 'Maaf, kami ganti', author: 'Mei (agent)', at: '2026-11-23T14:03:00Z' };

describe('conversation timeline reducer', () => {
  it('shows a reply at once as pending, then sent by message.status', () => {
    let state = run(loaded(), started);
    expect(state.items.at(-1)).toMatchObject({ direction: 'out', status: 'pending', local: true });
    state = run(state, { type: 'replyAccepted', localKey: 'a', message: reply() });
    expect(state.items.at(-1)).toMatchObject({ key: 'message:92', status: 'pending' });
    state = run(state, ev('message.status', { conversationId: 12, messageId: 92, status: 'sent', error: null }));
    expect(state.items.map((i) => i.key)).toEqual(['message:91', 'activity:17', 'message:92']);
    expect(state.items.at(-1)).toMatchObject({ status: 'sent' });
  });

  it('keeps a status that arrived before the 202 answer', () => {
    const state = run(
      loaded(),
      started,
      ev('message.status', { conversationId: 12, messageId: 92, status: 'failed', error: 'shop token expired' }),
      { type: 'replyAccepted', localKey: 'a', message: reply() },
    );
    expect(state.items.at(-1)).toMatchObject({ key: 'message:92', status: 'failed', error: 'shop token expired' });
    expect(state.earlyStatus).toEqual({});
  });

  it('shows the reply once when message.created comes before the 202 answer, never back to pending', () => {
    const state = run(
      loaded(),
      started,
      ev('message.created', { conversationId: 12, message: reply('sent'), conversation: summary() }),
      { type: 'replyAccepted', localKey: 'a', message: reply('pending') },
    );
    const outgoing = state.items.filter((i) => i.kind === 'message' && i.direction === 'out');
    expect(outgoing).toHaveLength(1);
    expect(outgoing[0]).toMatchObject({ key: 'message:92', status: 'sent' });
  });

  it("drops the platform's copy of a reply that a push stored before the reply was marked sent", () => {
    const echo: MessageEntry = { ...reply('sent'), id: 93, author: 'Shop (on platform)' };
    const state = run(
      loaded(),
      started,
      { type: 'replyAccepted', localKey: 'a', message: reply() },
      ev('message.created', { conversationId: 12, message: echo, conversation: summary() }),
      ev('message.status', { conversationId: 12, messageId: 92, status: 'sent', error: null, removed: [93] }),
    );
    const outgoing = state.items.filter((i) => i.kind === 'message' && i.direction === 'out');
    expect(outgoing.map((i) => i.key)).toEqual(['message:92']);
    expect(outgoing[0]).toMatchObject({ status: 'sent', author: 'Mei (agent)' });
  });

  it('withdraws the bubble of a reply the server did not accept (the draft stays in the composer)', () => {
    const before = loaded();
    const state = run(before, started, { type: 'replyWithdrawn', localKey: 'a' });
    expect(state.items.map((i) => i.key)).toEqual(before.items.map((i) => i.key));
  });

  it('appends live messages of this conversation only, once each', () => {
    const next: MessageEntry = { ...incoming, id: 95, text: 'hello?' };
    const state = run(
      loaded(),
      ev('message.created', { conversationId: 12, message: next, conversation: summary({ updatedAt: '2026-11-23T14:05:00Z' }) }),
      ev('message.created', { conversationId: 12, message: next, conversation: summary({ updatedAt: '2026-11-23T14:05:00Z' }) }),
      ev('message.created', { conversationId: 13, message: { ...next, id: 96 }, conversation: summary({ id: 13 }) }),
    );
    expect(state.items.map((i) => i.key)).toEqual(['message:91', 'activity:17', 'message:95']);
    expect(state.conversation?.updatedAt).toBe('2026-11-23T14:05:00Z');
  });

  it('keeps live entries that a slower detail load does not know yet', () => {
    const early: MessageEntry = { ...incoming, id: 95, text: 'hello?' };
    const state = run(
      initialConversationState(12),
      ev('message.created', { conversationId: 12, message: early, conversation: summary() }),
      { type: 'loaded', conversation: summary(), timeline: [incoming] },
    );
    expect(state.items.map((i) => i.key)).toEqual(['message:91', 'message:95']);
  });

  it('updates the header from conversation.updated, ignoring older snapshots', () => {
    let state = run(loaded(), ev('conversation.updated', { conversation: summary({ status: 'closed', updatedAt: '2026-11-23T14:09:00Z' }) }));
    state = run(state, ev('conversation.assigned', { conversation: summary({ updatedAt: '2026-11-23T14:01:00Z' }) }));
    expect(state.conversation?.status).toBe('closed');
  });
});
