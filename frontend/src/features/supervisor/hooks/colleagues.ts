import type { ConsoleAgent, ConsoleConversation } from '../api/types';

export type Mismatch = 'shop' | 'language' | 'platform' | 'team';

export interface Colleague {
  agent: ConsoleAgent;
  /** What the agent lacks for at least one of the conversations (empty: eligible for all). */
  mismatches: Mismatch[];
  full: boolean;
}

/** Why an agent does not fit a conversation, by the router's rules (an empty skill list means "any"). */
export function mismatchesFor(agent: ConsoleAgent, c: ConsoleConversation): Mismatch[] {
  const out: Mismatch[] = [];
  if (!agent.allAccounts && !agent.accounts.includes(c.accountId)) out.push('shop');
  const language = c.language;
  if (language && agent.languages.length > 0 && !agent.languages.some((l) => l === language || language.startsWith(`${l}-`))) {
    out.push('language');
  }
  if (agent.platforms.length > 0 && !agent.platforms.includes(c.platform)) out.push('platform');
  if (c.team && agent.team !== c.team) out.push('team');
  return out;
}

const presenceRank = { online: 0, away: 1, offline: 2 } as const;

/**
 * The agents to offer for moving these conversations: online before away before offline; within that,
 * eligible before not, free before full, then least loaded; names break ties.
 */
export function rankColleagues(agents: ConsoleAgent[], conversations: ConsoleConversation[]): Colleague[] {
  return agents
    .map((agent) => ({
      agent,
      mismatches: [...new Set(conversations.flatMap((c) => mismatchesFor(agent, c)))],
      full: agent.activeCount >= agent.maxConcurrent,
    }))
    .sort(
      (a, b) =>
        presenceRank[a.agent.presence] - presenceRank[b.agent.presence] ||
        Number(a.mismatches.length > 0) - Number(b.mismatches.length > 0) ||
        Number(a.full) - Number(b.full) ||
        a.agent.activeCount / Math.max(1, a.agent.maxConcurrent) - b.agent.activeCount / Math.max(1, b.agent.maxConcurrent) ||
        a.agent.displayName.localeCompare(b.agent.displayName),
    );
}
