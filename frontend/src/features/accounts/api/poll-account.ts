import { apiRequest } from '../../../lib/api-client';

/** POST /api/admin/accounts/:id/poll: run the polling backstop now. */
export async function pollAccount(id: string): Promise<void> {
  await apiRequest(`/api/admin/accounts/${encodeURIComponent(id)}/poll`, { method: 'POST', body: {} });
}
