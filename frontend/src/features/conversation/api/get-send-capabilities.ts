import { apiRequest } from '../../../lib/api-client';

export interface SendCapabilities {
  image: boolean;
  productCard: boolean;
  orderCard: boolean;
  /** longest text in Unicode code points */
  maxTextLength?: number;
}

/** GET /api/accounts: what the conversation's shop account lets agents send besides text (null = unknown). */
export async function getSendCapabilities(accountId: string): Promise<SendCapabilities | null> {
  const answer = await apiRequest<{ accounts: { id: string; capabilities: SendCapabilities | null }[] }>('/api/accounts');
  return answer.accounts.find((a) => a.id === accountId)?.capabilities ?? null;
}
