import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary } from '../../../lib/api-types';

/** GET /api/conversations: the viewer's open conversations, urgent first, then longest waiting. */
export async function listConversations(signal?: AbortSignal): Promise<ConversationSummary[]> {
  const answer = await apiRequest<{ conversations: ConversationSummary[] }>('/api/conversations', { signal });
  return answer.conversations;
}
