import { apiRequest } from '../../../lib/api-client';

/** POST /api/admin/accounts/:id/resume: back to active; held replies go out. */
export async function resumeAccount(id: string): Promise<void> {
  await apiRequest(`/api/admin/accounts/${encodeURIComponent(id)}/resume`, { method: 'POST', body: {} });
}
