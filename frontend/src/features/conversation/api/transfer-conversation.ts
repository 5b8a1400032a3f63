import { apiRequest } from '../../../lib/api-client';

export interface TransferTarget {
  toAgentId?: number;
  team?: string;
  toQueue?: boolean;
}

/** POST /api/conversations/{id}/transfer: by hand, with a note (e.g. pre-sale → the after-sale team). */
export function transferConversation(
  conversationId: number,
  target: TransferTarget,
  note: string,
  reason: string,
): Promise<{ result: 'assigned' | 'queued'; detail: string }> {
  return apiRequest(`/api/conversations/${conversationId}/transfer`, {
    method: 'POST',
    body: { ...target, note: note || undefined, reason: reason || undefined },
  });
}
