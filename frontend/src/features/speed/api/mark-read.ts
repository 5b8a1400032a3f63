import { apiRequest } from '../../../lib/api-client';

/** POST /api/conversations/:id/read: the viewer has read up to this message (it arrived while the chat was open). */
export function markConversationRead(id: number, upTo: number): Promise<{ conversationId: number; unread: number }> {
  return apiRequest(`/api/conversations/${id}/read`, { method: 'POST', body: { upTo } });
}
