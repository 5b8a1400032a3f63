import { apiRequest } from '../../../lib/api-client';
import type { MessageEntry } from '../../../lib/api-types';
import type { ReplyOverride } from '../../../lib/composer-slot';

/**
 * POST /api/conversations/{id}/replies: 202 with the stored message, status `pending`; 422 `reply_blocked`
 * when the compliance check refuses it (an `override` with a reason sends it where the policy allows).
 */
export async function sendReply(conversationId: number, text: string, override?: ReplyOverride): Promise<MessageEntry> {
  const answer = await apiRequest<{ message: MessageEntry }>(`/api/conversations/${conversationId}/replies`, {
    method: 'POST',
    body: override ? { text, override } : { text },
  });
  return answer.message;
}
