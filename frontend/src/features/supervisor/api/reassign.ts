import { apiRequest } from '../../../lib/api-client';
import type { MoveResult } from './types';

/**
 * POST /api/supervisor/reassign: one or many conversations to an agent (toAgentId) or back to the queue;
 * overCapacity gives them to a full agent anyway (recorded with the reason).
 */
export async function reassign(
  conversationIds: number[],
  target: { toAgentId: number } | { toQueue: true },
  reason: string,
  overCapacity = false,
): Promise<MoveResult[]> {
  const answer = await apiRequest<{ results: MoveResult[] }>('/api/supervisor/reassign', {
    method: 'POST',
    body: { conversationIds, ...target, reason, ...(overCapacity ? { overCapacity: true } : {}) },
  });
  return answer.results;
}
