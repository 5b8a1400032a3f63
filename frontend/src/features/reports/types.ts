/** One row of GET /api/reports (a group, or the total); rates are null when there is nothing to divide by. */
export interface ReportFigures {
  key: string;
  label?: string;
  conversations: number;
  buyers: number;
  messagesIn: number;
  messagesOut: number;
  firstResponse: {
    answered: number;
    unanswered: number;
    medianSeconds: number | null;
    p90Seconds: number | null;
    within60Rate: number | null;
    within120Rate: number | null;
    within300Rate: number | null;
  };
  platform: { counted: number; met: number; rate: number | null };
  resolutionRate: number | null;
  slaWarnings: number;
  slaBreaches: number;
  satisfaction: { satisfied: number; neutral: number; dissatisfied: number; badAttitude: number; rate: number | null; badAttitudeRate: number | null };
  compliance: { flagged: number; overridden: number };
  /** pre-sale chats (first waits answered by a human, not after-sale) and those followed by an order within 72 h */
  conversion: { preSaleChats: number; converted: number; rate: number | null };
  /** per agent, hour or shift (and the total): online hours, chats held while online (average, peak), chats held ÷ capacity */
  workload?: { onlineHours: number; averageChats: number | null; peakChats: number; utilisation: number | null };
}

export interface Report {
  groupBy: string;
  from: string;
  to: string;
  groups: ReportFigures[];
  total: ReportFigures;
}

/** hour: shop-local hour of day (key "00"–"23"); dayhour: each clock hour of the days; shift: the roster's shifts */
export type GroupBy = 'day' | 'week' | 'month' | 'agent' | 'shop' | 'platform' | 'hour' | 'dayhour' | 'shift';

export interface ReportQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
  /** empty: every shop the user may see */
  accountId: string;
  /** empty: every team */
  team: string;
  /** empty: every agent the user may see (agents: always themselves, the server sees to it) */
  agentId: string;
  zone: string;
}

/**
 * What the chart shows: first responses, the platform indicator and resolution, SLA warnings and breaches,
 * conversion of pre-sale chats into orders, quality (compliance findings, satisfaction), or the agents' workload.
 */
export type ChartView = 'response' | 'platform' | 'sla' | 'conversion' | 'quality' | 'workload';

export interface Team {
  name: string;
  displayName: string;
}

export interface Shop {
  id: string;
  shopName: string;
  platform: string;
}

/** A shop's platform indicator in its current window and where it is heading (GET /api/reports/projections). */
export interface ShopProjection {
  accountId: string;
  shopName: string;
  platform: string;
  rule: string;
  line: number;
  ownLine: boolean;
  day: string;
  windowEnd: string;
  met: number;
  missed: number;
  pending: number;
  current: number | null;
  projected: number | null;
  below: boolean;
  savers: { conversationId: number; buyerName: string; deadline: string }[];
}
