import { apiRequest } from '../../../lib/api-client';

/** POST /api/conversations/{id}/satisfaction/invite: only on a solved conversation (409 `not_solved` otherwise). */
export async function inviteRating(conversationId: number): Promise<void> {
  await apiRequest(`/api/conversations/${conversationId}/satisfaction/invite`, { method: 'POST' });
}
