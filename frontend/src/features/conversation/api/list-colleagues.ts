import { apiRequest } from '../../../lib/api-client';
import type { AgentLoad } from '../../../lib/api-types';

export interface ColleagueOption extends AgentLoad {
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
