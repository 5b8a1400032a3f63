import { apiRequest } from '../../../lib/api-client';

/** POST /api/supervisor/handover: hand over every open conversation of one agent now. */
export function forceHandover(agentId: number, reason: string): Promise<{ moved: number; queued: number }> {
  return apiRequest('/api/supervisor/handover', { method: 'POST', body: { agentId, reason } });
}
