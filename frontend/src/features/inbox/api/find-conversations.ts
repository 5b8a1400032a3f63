import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary } from '../../../lib/api-types';

export type FindTab = 'mine' | 'queue' | 'solved' | 'all';

export interface FindFilters {
  platform?: string;
  shop?: string;
  status?: string;
  priority?: string;
  language?: string;
  agent?: string;
}

export interface FoundConversation extends ConversationSummary {
  lastAssignee: { id: number; displayName: string } | null;
  match: { text: string } | null;
}

export interface FindPage {
  conversations: FoundConversation[];
  next: string | null;
}

/** GET /api/find: one page of the conversations the server lets this user read, newest first. */
export function findConversations(
  tab: FindTab,
  text: string,
  filters: FindFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<FindPage> {
  const params = new URLSearchParams({ tab });
  if (text.trim()) params.set('q', text.trim());
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  if (cursor) params.set('cursor', cursor);
  return apiRequest<FindPage>(`/api/find?${params}`, { signal });
}

export interface FilterOptions {
  shops: { id: string; platform: string; shopName: string }[];
  agents: { id: number; displayName: string }[];
}

/** The shops this user sees (GET /api/accounts) and, for supervisors and admins, their agents. */
export async function filterOptions(oversees: boolean, signal?: AbortSignal): Promise<FilterOptions> {
  const accounts = await apiRequest<{ accounts: FilterOptions['shops'] }>('/api/accounts', { signal });
  const console = oversees
    ? await apiRequest<{ agents: FilterOptions['agents'] }>('/api/supervisor/console', { signal }).catch(() => ({ agents: [] }))
    : { agents: [] };
  return { shops: accounts.accounts, agents: console.agents };
}
