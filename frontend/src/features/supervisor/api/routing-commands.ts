import { apiRequest } from '../../../lib/api-client';

// Priority and surge belong to the routing engine (issue 4). These call its endpoints; until that
// branch is merged the server answers 404 and the console says the command is not available.

/** POST /api/conversations/{id}/priority */
export function setPriority(conversationId: number, priority: string, reason: string): Promise<unknown> {
  return apiRequest(`/api/conversations/${conversationId}/priority`, { method: 'POST', body: { priority, reason } });
}

/** POST /api/surge */
export function setSurge(mode: 'on' | 'off' | 'auto', reason: string): Promise<unknown> {
  return apiRequest('/api/surge', { method: 'POST', body: { mode, reason } });
}
