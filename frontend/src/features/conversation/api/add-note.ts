import { apiRequest } from '../../../lib/api-client';
import type { ActivityEntry } from '../../../lib/api-types';

/** POST /api/conversations/{id}/notes: an internal note, staff only, never sent to the platform. */
export async function addNote(conversationId: number, text: string): Promise<ActivityEntry> {
  const answer = await apiRequest<{ entry: ActivityEntry }>(`/api/conversations/${conversationId}/notes`, {
    method: 'POST',
    body: { text },
  });
  return answer.entry;
}
