import { describe, expect, it } from 'vitest';
import type { ConsoleAgent, ConsoleConversation } from '../api/types';
import { mismatchesFor, rankColleagues } from './colleagues';

const agent = (name: string, over: Partial<ConsoleAgent> = {}): ConsoleAgent => ({
  id: name.length, username: name, displayName: name, presence: 'online', shiftState: 'unrostered', team: null,
  activeCount: 0, maxConcurrent: 3, conversationIds: [], shifts: [], standby: false, languages: [], platforms: [],
  allAccounts: false, accounts: ['shop-my'], ...over,
});
const conversation = { id: 1, accountId: 'shop-my', platform: 'shopee', language: 'th', team: null } as unknown as ConsoleConversation;

describe('colleagues for a move', () => {
  it('names what an agent lacks', () => {
    expect(mismatchesFor(agent('a'), conversation)).toEqual([]);
    expect(mismatchesFor(agent('b', { accounts: [], languages: ['zh'], platforms: ['lazada'] }), conversation)).toEqual([
      'shop', 'language', 'platform',
    ]);
    expect(mismatchesFor(agent('c', { allAccounts: true, languages: ['th'] }), { ...conversation, team: 'after-sale' })).toEqual(['team']);
  });

  it('offers online eligible agents with room first, least loaded first, offline ones last', () => {
    const ranked = rankColleagues(
      [
        agent('offline-fit', { presence: 'offline' }),
        agent('busy', { activeCount: 2 }),
        agent('full', { activeCount: 3 }),
        agent('wrong-language', { languages: ['vi'] }),
        agent('idle'),
        agent('away', { presence: 'away' }),
      ],
      [conversation],
    );
    expect(ranked.map((c) => c.agent.username)).toEqual(['idle', 'busy', 'full', 'wrong-language', 'away', 'offline-fit']);
    expect(ranked.find((c) => c.agent.username === 'full')?.full).toBe(true);
    expect(ranked.find((c) => c.agent.username === 'wrong-language')?.mismatches).toEqual(['language']);
  });
});
