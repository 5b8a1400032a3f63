import type { ConversationSummary } from './lib/api-types';

// Sample API objects for the unit tests, each test overriding the fields it is about.

/** A normal pre-sale conversation of the Malaysian Shopee shop, assigned to Mei (agent, id 3). */
export function conversationSummary(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 12,
    accountId: 'shopee-my-01',
    platform: 'shopee',
    shopName: 'Blossom Home MY',
    buyer: { id: '811200', name: 'aisyah.r' },
    language: 'ms',
    priority: 'normal',
    category: 'pre_sale',
    status: 'assigned',
    assignee: { id: 3, displayName: 'Mei (agent)' },
    lastMessage: null,
    waitingSince: null,
    createdAt: '2026-11-23T14:00:00Z',
    updatedAt: '2026-11-23T14:00:00Z',
    ...overrides,
  };
}
