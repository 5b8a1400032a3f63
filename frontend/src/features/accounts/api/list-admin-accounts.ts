import { apiRequest } from '../../../lib/api-client';
import type { AdminAccount } from '../types';

/** GET /api/admin/accounts: every account with status, capabilities, profile and health (admins only). */
export async function listAdminAccounts(signal?: AbortSignal): Promise<AdminAccount[]> {
  const answer = await apiRequest<{ accounts: AdminAccount[] }>('/api/admin/accounts', { signal });
  return answer.accounts;
}
