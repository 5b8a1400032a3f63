import { apiRequest } from '../../../lib/api-client';
import type { ReplyCheck } from '../types';

/** POST /api/conversations/{id}/replies/check: what the compliance check says about a draft, without sending it. */
export function checkReply(conversationId: number, text: string, signal?: AbortSignal): Promise<ReplyCheck> {
  return apiRequest<ReplyCheck>(`/api/conversations/${conversationId}/replies/check`, {
    method: 'POST',
    body: { text },
    signal,
  });
}
