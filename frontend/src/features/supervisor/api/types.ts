import type { AgentLoad, ConversationSummary } from '../../../lib/api-types';

export interface ConsoleConversation extends ConversationSummary {
  queuedAt?: string | null;
  headOfClass?: boolean;
  team?: string | null;
  slaState?: string;
  slaDueAt?: string | null;
}

export interface ConsoleAgent extends AgentLoad {
  username: string;
  conversationIds: number[];
  shifts: string[];
  standby: boolean;
  languages: string[];
  platforms: string[];
  allAccounts: boolean;
  accounts: string[];
}

export interface ConsoleView {
  at: string;
  queue: ConsoleConversation[];
  conversations: ConsoleConversation[];
  agents: ConsoleAgent[];
  shifts: { name: string; lead: string; zone: string; current: boolean; agents: string[] }[];
  standby: string[];
  /** called: the standby agents surge called while it is on; null = the whole pool (a supervisor's "on"). */
  surge: { available: boolean; active: boolean; mode?: string; called?: string[] | null };
  breaches: number;
}

export interface MoveResult {
  conversationId: number;
  result: 'assigned' | 'queued' | 'skipped' | 'refused';
  error?: string;
  message?: string;
}
