import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary, TimelineEntry } from '../../../lib/api-types';

export interface ConversationDetail {
  conversation: ConversationSummary;
  timeline: TimelineEntry[];
}

/** GET /api/conversations/{id}: the summary and the whole timeline, oldest first. */
export function getConversation(id: number, signal?: AbortSignal): Promise<ConversationDetail> {
  return apiRequest<ConversationDetail>(`/api/conversations/${id}`, { signal });
}
