import { apiRequest } from '../../../lib/api-client';

export interface ColleagueOption {
  id: number;
  displayName: string;
  presence: 'online' | 'away' | 'offline';
  shiftState: string;
  team: string | null;
  activeCount: number;
  maxConcurrent: number;
  /** Of the conversation's team, if it needs one (every colleague listed serves its shop). */
  eligible: boolean;
  full: boolean;
}

/**
 * GET /api/conversations/{id}/colleagues: who serves this conversation's shop, in the server's order
 * (online first, then eligible, then with room, least loaded).
 */
export async function listColleagues(conversationId: number): Promise<ColleagueOption[]> {
  return (await apiRequest<{ colleagues: ColleagueOption[] }>(`/api/conversations/${conversationId}/colleagues`)).colleagues;
}
