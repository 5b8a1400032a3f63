import { apiRequest } from '../../../lib/api-client';
import type { MessageEntry } from '../../../lib/api-types';

/** POST /api/conversations/{id}/replies: 202 with the stored message, status `pending`. */
export async function sendReply(conversationId: number, text: string): Promise<MessageEntry> {
  const answer = await apiRequest<{ message: MessageEntry }>(`/api/conversations/${conversationId}/replies`, {
    method: 'POST',
    body: { text },
  });
  return answer.message;
}
