import { apiRequest } from '../../../lib/api-client';
import type { SatisfactionState } from '../types';

/** GET /api/conversations/{id}/satisfaction: whether a rating may be invited now (and why not), its history. */
export function getSatisfactionState(conversationId: number, signal?: AbortSignal): Promise<SatisfactionState> {
  return apiRequest<SatisfactionState>(`/api/conversations/${conversationId}/satisfaction`, { signal });
}
