import { describe, expect, it } from 'vitest';
import type { AgentEvent, ConversationSummary } from '../../../lib/api-types';
import { conversationSummary } from '../../../test-fixtures';
import {
  conversationListReducer,
  initialListState,
  selectConversations,
  type ConversationListState,
} from './conversation-list-reducer';

const AGENT = { id: 3, role: 'agent' as const };

function summary(id: number, overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return conversationSummary({
    id,
    buyer: { id: `b${id}`, name: `buyer${id}` },
    lastMessage: { text: `hello ${id}`, at: '2026-11-23T14:00:00Z', direction: 'in' },
    waitingSince: '2026-11-23T14:00:00Z',
    ...overrides,
  });
}

let seq = 0;
function ev(event: AgentEvent['event'], data: unknown): AgentEvent {
  return { seq: ++seq, event, at: '2026-11-23T14:05:00Z', data } as AgentEvent;
}

function run(state: ConversationListState, ...actions: Parameters<typeof conversationListReducer>[1][]) {
  return actions.reduce(conversationListReducer, state);
}

const ids = (state: ConversationListState) => selectConversations(state).map((c) => c.id);

describe('conversation list reducer', () => {
  it('orders urgent first, then the longest waiting, answered ones last', () => {
    const state = run(initialListState(AGENT), {
      type: 'loaded',
      conversations: [
        summary(1, { waitingSince: '2026-11-23T14:03:00Z' }),
        summary(2, { waitingSince: '2026-11-23T14:01:00Z' }),
        summary(3, { priority: 'urgent', waitingSince: '2026-11-23T14:04:00Z' }),
        summary(4, { waitingSince: null }),
        summary(5, { priority: 'urgent', waitingSince: '2026-11-23T14:02:00Z' }),
      ],
    });
    expect(ids(state)).toEqual([5, 3, 2, 1, 4]);
  });

  it('adds a conversation assigned live and moves it when it becomes urgent', () => {
    let state = run(initialListState(AGENT), {
      type: 'loaded',
      conversations: [summary(1, { waitingSince: '2026-11-23T13:00:00Z' })],
    });
    state = run(state, { type: 'event', event: ev('conversation.assigned', { conversation: summary(2) }) });
    expect(ids(state)).toEqual([1, 2]);
    state = run(state, {
      type: 'event',
      event: ev('conversation.updated', {
        conversation: summary(2, { priority: 'urgent', updatedAt: '2026-11-23T14:01:00Z' }),
      }),
    });
    expect(ids(state)).toEqual([2, 1]);
  });

  it('takes the preview and waiting time from message.created', () => {
    let state = run(initialListState(AGENT), { type: 'loaded', conversations: [summary(1)] });
    const updated = summary(1, {
      lastMessage: { text: 'barang rosak', at: '2026-11-23T14:06:00Z', direction: 'in' },
      updatedAt: '2026-11-23T14:06:00Z',
    });
    state = run(state, {
      type: 'event',
      event: ev('message.created', { conversationId: 1, message: { kind: 'message', id: 9 }, conversation: updated }),
    });
    expect(selectConversations(state)[0].lastMessage?.text).toBe('barang rosak');
  });

  it('removes closed conversations and ones another agent took over', () => {
    let state = run(initialListState(AGENT), { type: 'loaded', conversations: [summary(1), summary(2)] });
    state = run(
      state,
      { type: 'event', event: ev('conversation.updated', { conversation: summary(1, { status: 'closed', updatedAt: '2026-11-23T14:07:00Z' }) }) },
      {
        type: 'event',
        event: ev('conversation.updated', {
          conversation: summary(2, { assignee: { id: 8, displayName: 'Ana' }, updatedAt: '2026-11-23T14:07:00Z' }),
        }),
      },
    );
    expect(ids(state)).toEqual([]);
  });

  it('drops an agent conversation that went back to the queue while they were offline (bug 3)', () => {
    let state = run(initialListState(AGENT), { type: 'loaded', conversations: [summary(1), summary(2)] });
    state = run(state, {
      type: 'event',
      event: ev('conversation.updated', { conversation: summary(1, { status: 'queued', assignee: null, updatedAt: '2026-11-23T14:07:00Z' }) }),
    });
    expect(ids(state)).toEqual([2]);
  });

  it('keeps other agents conversations for supervisors', () => {
    const state = run(initialListState({ id: 1, role: 'supervisor' }), {
      type: 'loaded',
      conversations: [summary(1, { assignee: { id: 8, displayName: 'Ana' } }), summary(2, { status: 'queued', assignee: null })],
    });
    expect(ids(state)).toEqual([1, 2]);
  });

  it('never lets an older snapshot replace a newer one or bring back a closed conversation', () => {
    let state = run(initialListState(AGENT), {
      type: 'event',
      event: ev('conversation.updated', { conversation: summary(1, { priority: 'urgent', updatedAt: '2026-11-23T14:05:00Z' }) }),
    });
    // the HTTP snapshot was taken before that event
    state = run(state, { type: 'loaded', conversations: [summary(1, { updatedAt: '2026-11-23T14:00:00Z' })] });
    expect(selectConversations(state)[0].priority).toBe('urgent');

    state = run(state, { type: 'changed', conversation: summary(1, { status: 'closed', updatedAt: '2026-11-23T14:06:00Z' }) });
    state = run(state, {
      type: 'event',
      event: ev('message.created', { conversationId: 1, conversation: summary(1, { updatedAt: '2026-11-23T14:05:30Z' }) }),
    });
    expect(ids(state)).toEqual([]);

    // reopened later by a new buyer message: back in the list
    state = run(state, {
      type: 'event',
      event: ev('message.created', { conversationId: 1, conversation: summary(1, { updatedAt: '2026-11-23T15:00:00Z' }) }),
    });
    expect(ids(state)).toEqual([1]);
  });

  it('ignores message.status events and unknown event names', () => {
    const state = run(initialListState(AGENT), { type: 'loaded', conversations: [summary(1)] });
    const after = run(
      state,
      { type: 'event', event: ev('message.status', { conversationId: 1, messageId: 5, status: 'sent', error: null }) },
      { type: 'event', event: { seq: 99, event: 'something.new', at: '', data: {} } as unknown as AgentEvent },
    );
    expect(after).toBe(state);
  });

  it('starts empty again on reset', () => {
    const state = run(initialListState(AGENT), { type: 'loaded', conversations: [summary(1)] }, { type: 'reset' });
    expect(ids(state)).toEqual([]);
  });
  it('drops a conversation parked in the spam folder and shows it again once restored', () => {
    const SUPERVISOR = { id: 9, role: 'supervisor' as const };
    let state = run(initialListState(SUPERVISOR), { type: 'loaded', conversations: [summary(1, { status: 'queued', assignee: null })] });
    state = run(state, {
      type: 'event',
      event: ev('message.created', {
        conversationId: 1,
        message: { kind: 'message', id: 5, direction: 'in', text: '加微信', at: '2026-11-23T14:06:00Z', status: 'received', author: 'x' },
        conversation: summary(1, { status: 'spam', assignee: null, waitingSince: null, updatedAt: '2026-11-23T14:06:00Z' }),
      }),
    });
    expect(ids(state)).toEqual([]);
    state = run(state, { type: 'event', event: ev('conversation.updated', { conversation: summary(1, { status: 'queued', assignee: null, updatedAt: '2026-11-23T14:07:00Z' }) }) });
    expect(ids(state)).toEqual([1]);
  });
});

describe('conversation.moved (handover, transfer, supervisor reassignment)', () => {
  const moved = (to: { id: number; displayName: string } | null, at: string) =>
    ev('conversation.moved', {
      conversation: summary(9, { assignee: to, status: to ? 'assigned' : 'queued', updatedAt: at }),
      kind: 'reassign',
      from: { id: 3, displayName: 'Mei (agent)' },
      to,
      by: { id: 1, displayName: 'Sup' },
      reason: 'overloaded',
      note: 'Buyer wants a refund',
      text: 'Reassigned',
    });

  it('leaves the old owner and arrives in the new owner inbox', () => {
    const oldOwner = run(initialListState(AGENT), { type: 'loaded', conversations: [summary(9)] });
    const after = run(oldOwner, { type: 'event', event: moved({ id: 4, displayName: 'Arif' }, '2026-11-23T14:06:00Z') });
    expect(selectConversations(after)).toEqual([]);

    const newOwner = run(initialListState({ id: 4, role: 'agent' }), {
      type: 'event',
      event: moved({ id: 4, displayName: 'Arif' }, '2026-11-23T14:06:00Z'),
    });
    expect(selectConversations(newOwner).map((c) => c.id)).toEqual([9]);
  });

  it('shows a conversation moved back to the queue to supervisors', () => {
    const sup = run(initialListState({ id: 1, role: 'supervisor' }), {
      type: 'event',
      event: moved(null, '2026-11-23T14:06:00Z'),
    });
    expect(selectConversations(sup)[0].status).toBe('queued');
  });
});
