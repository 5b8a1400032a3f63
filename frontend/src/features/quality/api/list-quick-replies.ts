import { apiRequest } from '../../../lib/api-client';
import type { QuickReply } from '../types';

/** GET /api/quick-replies: the team's and the viewer's shops' quick replies. */
export async function listQuickReplies(signal?: AbortSignal): Promise<QuickReply[]> {
  return (await apiRequest<{ quickReplies: QuickReply[] }>('/api/quick-replies', { signal })).quickReplies;
}
