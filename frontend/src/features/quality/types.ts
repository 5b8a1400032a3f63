// Shapes of the quality endpoints (docs/api.md, "Service quality").

export interface SpamConversation {
  conversationId: number;
  accountId: string;
  platform: string;
  shopName: string;
  buyer: { id: string; name: string };
  reason: string | null;
  parkedAt: string | null;
  recentMessages: string[];
}

export interface InspectedReply {
  messageId: number;
  conversationId: number;
  accountId: string;
  at: string;
  text: string;
  status: string;
  outcome: 'flagged' | 'overridden';
  reason: string | null;
  findings: { label: string; matched: string; action: string; rule: string }[];
}

export interface InspectionReport {
  date: string;
  zone: string;
  agents: { agent: { id: number; displayName: string }; flagged: number; overridden: number; replies: InspectedReply[] }[];
}

export interface RateCounts {
  agent: { id: number; displayName: string } | null;
  satisfied: number;
  neutral: number;
  dissatisfied: number;
  badAttitude: number;
  satisfactionRate: number | null;
  badAttitudeRate: number | null;
}

export interface SatisfactionRates {
  period: 'week' | 'month';
  from: string;
  to: string;
  total: RateCounts;
  agents: RateCounts[];
}

export interface ResponseMetrics {
  from: string;
  to: string;
  withinSeconds: number;
  conversations: number;
  spamExcluded: number;
  autoReplied: number;
  answered: number;
  answeredWithin: number;
  responseRate: number | null;
  medianFirstResponseSeconds: number | null;
}

export interface SatisfactionState {
  canInvite: boolean;
  why: string | null;
  history: { kind: 'invite' | 'rating'; rating: string | null; reason: string | null; at: string }[];
}

export interface RuleScope {
  scope: string;
  label: string;
  source: 'file' | 'edited' | 'none';
  file: string;
  updatedAt: string | null;
  editable: boolean;
}

/** A rule document: see docs/quality.md for every section. */
export type RuleDocument = Record<string, unknown>;

export interface RuleScopeDetail extends RuleScope {
  document: RuleDocument;
  shipped: RuleDocument | null;
}

export interface QuickReply {
  id: number;
  shortcut: string;
  title: string;
  accountId: string | null;
  scope: 'team' | 'shop';
  team: string | null;
  variants: Record<string, string>;
  updatedAt: string;
}

export type QuickReplyDraft = Pick<QuickReply, 'shortcut' | 'title' | 'accountId' | 'team' | 'variants'>;
