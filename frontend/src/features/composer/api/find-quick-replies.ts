import { apiRequest } from '../../../lib/api-client';
import type { QuickReplyMatch } from '../types';

/** GET /api/conversations/{id}/quick-replies?q=: the shop's and the team's quick replies, filled in for this conversation. */
export async function findQuickReplies(conversationId: number, query: string, signal?: AbortSignal): Promise<QuickReplyMatch[]> {
  const answer = await apiRequest<{ quickReplies: QuickReplyMatch[] }>(
    `/api/conversations/${conversationId}/quick-replies?q=${encodeURIComponent(query)}`,
    { signal },
  );
  return answer.quickReplies;
}
