import { apiRequest } from '../../../lib/api-client';
import type { ConversationSummary } from '../../../lib/api-types';

export interface BuyerOrderInfo {
  orderId: string;
  status: string;
  total: string | null;
  currency: string | null;
  createdAt: string | null;
  items: string[];
}

export interface CustomerContext {
  buyer: { id: string; name: string };
  /** The buyer's other conversations this user may read (same shop, other shops of the platform). */
  conversations: ConversationSummary[];
  orders: { available: boolean; items: BuyerOrderInfo[]; error?: string };
}

/** GET /api/conversations/{id}/context */
export function getContext(id: number, signal?: AbortSignal): Promise<CustomerContext> {
  return apiRequest<CustomerContext>(`/api/conversations/${id}/context`, { signal });
}
