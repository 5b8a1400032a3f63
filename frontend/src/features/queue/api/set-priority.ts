import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary, Priority } from '../../../lib/api-types';

/** POST /api/conversations/{id}/priority (supervisors): set the priority class by hand. */
export async function setPriority(id: number, priority: Priority): Promise<ConversationSummary> {
  const answer = await apiRequest<{ conversation: ConversationSummary }>(`/api/conversations/${id}/priority`, {
    method: 'POST',
    body: { priority },
  });
  return answer.conversation;
}
