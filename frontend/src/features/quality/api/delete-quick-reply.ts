import { apiRequest } from '../../../lib/api-client';

/** DELETE /api/quick-replies/{id}. */
export async function deleteQuickReply(id: number): Promise<void> {
  await apiRequest(`/api/quick-replies/${id}`, { method: 'DELETE' });
}
