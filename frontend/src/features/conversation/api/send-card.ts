import { apiRequest } from '../../../lib/api-client';
import type { MessageEntry } from '../../../lib/api-types';

export type CardType = 'image' | 'item' | 'order';

/** POST /api/conversations/{id}/replies with a type: an image URL, a product (item) id or an order id. */
export async function sendCard(conversationId: number, type: CardType, value: string): Promise<MessageEntry> {
  const answer = await apiRequest<{ message: MessageEntry }>(`/api/conversations/${conversationId}/replies`, {
    method: 'POST',
    body: { type, text: value },
  });
  return answer.message;
}
