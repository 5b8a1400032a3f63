import { apiRequest } from '../../../lib/api-client';
import type { RosterView } from '../types';

/** GET /api/shifts: the live roster, shown beside the plan. */
export async function getRoster(signal?: AbortSignal): Promise<RosterView> {
  return apiRequest<RosterView>('/api/shifts', { signal });
}
