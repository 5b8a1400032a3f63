import { apiRequest } from '../../../lib/api-client';

/** DELETE /api/admin/accounts/:id: disconnects the shop; its conversations stay. */
export async function removeAccount(id: string): Promise<void> {
  await apiRequest(`/api/admin/accounts/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
