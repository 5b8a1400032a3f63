import { apiRequest } from '../../../lib/api-client';
import type { AgentLoad as Load, ConversationSummary, SurgeStatus } from '../../../lib/api-types';

export interface AgentLoad extends Load {
  languages: string[];
  platforms: string[];
}

export interface QueueView {
  now: string;
  me: AgentLoad;
  counts: { depth: number; urgent: number; nextDueAt: string | null };
  /** Supervisors: the queued conversations of their shops in serving order; agents: empty. */
  conversations: ConversationSummary[];
  agents?: AgentLoad[];
  surge?: SurgeStatus;
}

/** GET /api/queue: the viewer's load and the queue (the whole queue and surge state for supervisors). */
export function getQueue(signal?: AbortSignal): Promise<QueueView> {
  return apiRequest<QueueView>('/api/queue', { signal });
}
