import { apiRequest } from '../../../lib/api-client';

/** POST /api/me/presence: online or away (offline is when no tab is connected). */
export function setPresence(status: 'online' | 'away'): Promise<unknown> {
  return apiRequest('/api/me/presence', { method: 'POST', body: { status } });
}
