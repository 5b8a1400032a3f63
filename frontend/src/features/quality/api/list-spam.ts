import { apiRequest } from '../../../lib/api-client';
import type { SpamConversation } from '../types';

/** GET /api/quality/spam: the parked conversations of the viewer's shops. */
export async function listSpam(signal?: AbortSignal): Promise<SpamConversation[]> {
  return (await apiRequest<{ conversations: SpamConversation[] }>('/api/quality/spam', { signal })).conversations;
}
