import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary, TimelineEntry } from '../../../lib/api-types';

export interface ConversationDetail {
  conversation: ConversationSummary;
  timeline: TimelineEntry[];
  /** 'read': the user may read but not act (a solved chat, the queue, for agents). */
  access?: 'act' | 'read';
}

/** GET /api/conversations/{id}: the summary and the whole timeline, oldest first. */
export function getConversation(id: number, signal?: AbortSignal): Promise<ConversationDetail> {
  return apiRequest<ConversationDetail>(`/api/conversations/${id}`, { signal });
}
