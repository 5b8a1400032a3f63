import { apiRequest } from '../../../lib/api-client';

/** POST /api/admin/accounts/:id/pause: no polling, replies held, pushes still stored. */
export async function pauseAccount(id: string): Promise<void> {
  await apiRequest(`/api/admin/accounts/${encodeURIComponent(id)}/pause`, { method: 'POST', body: {} });
}
