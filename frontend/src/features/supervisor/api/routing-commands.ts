import { apiRequest } from '../../../lib/api-client';

// Priority belongs to the routing engine and surge mode to the SLA clock; these call their endpoints.

/** POST /api/conversations/{id}/priority */
export function setPriority(conversationId: number, priority: string, reason: string): Promise<unknown> {
  return apiRequest(`/api/conversations/${conversationId}/priority`, { method: 'POST', body: { priority, reason } });
}

/** POST /api/surge */
export function setSurge(mode: 'on' | 'off' | 'auto', reason: string): Promise<unknown> {
  return apiRequest('/api/surge', { method: 'POST', body: { mode, reason } });
}
