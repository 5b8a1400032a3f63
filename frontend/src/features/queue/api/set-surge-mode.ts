import { apiRequest } from '../../../lib/api-client';
import type { SurgeMode, SurgeStatus } from '../../../lib/api-types';

/** POST /api/surge (supervisors): force surge on or off, or hand it back to the automatic decision. */
export async function setSurgeMode(mode: SurgeMode): Promise<SurgeStatus> {
  const answer = await apiRequest<{ surge: SurgeStatus }>('/api/surge', { method: 'POST', body: { mode } });
  return answer.surge;
}
