import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary } from '../../../lib/api-types';

/** POST /api/conversations/{id}/close: marks it solved and frees the agent's capacity. */
export async function closeConversation(conversationId: number): Promise<ConversationSummary> {
  const answer = await apiRequest<{ conversation: ConversationSummary }>(
    `/api/conversations/${conversationId}/close`,
    { method: 'POST' },
  );
  return answer.conversation;
}
