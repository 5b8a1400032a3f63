import { apiRequest } from '../../../lib/api-client';
import type { Shop } from './types';

/** GET /api/accounts: the shops this user oversees (to plan for one of them). */
export async function listShops(signal?: AbortSignal): Promise<Shop[]> {
  const answer = await apiRequest<{ accounts: Shop[] }>('/api/accounts', { signal });
  return answer.accounts;
}
