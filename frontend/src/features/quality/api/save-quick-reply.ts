import { apiRequest } from '../../../lib/api-client';
import type { QuickReply, QuickReplyDraft } from '../types';

/** POST /api/quick-replies (new) or PUT /api/quick-replies/{id}: supervisors and admins. */
export async function saveQuickReply(draft: QuickReplyDraft, id?: number): Promise<QuickReply> {
  const answer = await apiRequest<{ quickReply: QuickReply }>(id ? `/api/quick-replies/${id}` : '/api/quick-replies', {
    method: id ? 'PUT' : 'POST',
    body: draft,
  });
  return answer.quickReply;
}
