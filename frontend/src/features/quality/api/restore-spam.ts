import { apiRequest } from '../../../lib/api-client';

/** POST /api/quality/spam/{id}/restore: back in the queue, routed like any conversation. */
export async function restoreSpam(conversationId: number): Promise<void> {
  await apiRequest(`/api/quality/spam/${conversationId}/restore`, { method: 'POST' });
}
