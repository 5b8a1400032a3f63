import { apiRequest } from '../../../lib/api-client';
import type { NewAccount } from '../types';

/** POST /api/admin/accounts: connects a shop at runtime; credentials are stored encrypted. */
export async function addAccount(account: NewAccount): Promise<void> {
  await apiRequest('/api/admin/accounts', { method: 'POST', body: account });
}
