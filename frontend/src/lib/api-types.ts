// Shapes of docs/api.md, shared by every feature. Ids of our own rows are numbers, platform ids strings.

export type Role = 'agent' | 'supervisor' | 'admin';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  /** The password was set by an admin: nothing but the password change answers until the user sets their own. */
  mustChangePassword?: boolean;
  /** Serves every shop (not a list of them): only such a supervisor or admin changes the roster, surge and plans. */
  allAccounts?: boolean;
}

export type Presence = 'online' | 'away' | 'offline';
export type ShiftState = 'unrostered' | 'on_shift' | 'off_shift' | 'standby' | 'standby_active';

/** An agent's presence and load as the server lists them (queue, console, colleagues to transfer to). */
export interface AgentLoad {
  id: number;
  displayName: string;
  presence: Presence;
  shiftState: ShiftState;
  team: string | null;
  activeCount: number;
  maxConcurrent: number;
}

export type Platform = 'shopee' | 'lazada' | 'tiktok' | (string & {});
export type Priority = 'critical' | 'urgent' | 'normal';
export type Category = 'pre_sale' | 'in_sale' | 'after_sale';
/** `spam`: parked in the spam folder (not routed, not in any inbox) until an agent restores it. */
export type ConversationStatus = 'queued' | 'assigned' | 'closed' | 'spam';

export interface ConversationSummary {
  id: number;
  accountId: string;
  platform: Platform;
  shopName: string;
  buyer: { id: string; name: string };
  language: string | null;
  priority: Priority;
  category: Category | null;
  status: ConversationStatus;
  assignee: { id: number; displayName: string } | null;
  lastMessage: { text: string; at: string; direction: 'in' | 'out' } | null;
  waitingSince: string | null;
  createdAt: string;
  updatedAt: string;
  /** Routing fields; absent in older payloads. */
  queuedAt?: string | null;
  team?: string | null;
  priorityManual?: boolean;
  sla?: SlaInfo;
  /** The viewer's unread buyer messages (capped at 100); only in GET /api/conversations, not in events. */
  unread?: number;
}

export type SlaState = 'none' | 'running' | 'warned' | 'breached';

/** The first-response clock stored on the conversation (docs/api.md). */
export interface SlaInfo {
  state: SlaState;
  dueAt: string | null;
  platformRule: string | null;
  platformDueAt: string | null;
}

export type MessageStatus = 'received' | 'pending' | 'sent' | 'failed';

export interface MessageEntry {
  kind: 'message';
  id: number;
  direction: 'in' | 'out';
  text: string;
  at: string;
  status: MessageStatus;
  author: string | null;
  error?: string | null;
  /** An automatic reply (greeting, off-hours, surge): not a human answer. */
  automatic?: boolean;
}

export interface ActivityEntry {
  kind: 'activity';
  id: number;
  /** assigned, queued, handed_over, transferred, reassigned, requeued, handover_note, note (staff only)... */
  type: string;
  text: string;
  at: string;
  /** who did it or wrote it (notes, supervisor commands); absent for the system */
  author?: string;
}

export type TimelineEntry = MessageEntry | ActivityEntry;

/** The `data` of each pushed event, by event name. */
export interface AgentEventData {
  'conversation.assigned': { conversation: ConversationSummary };
  'conversation.updated': { conversation: ConversationSummary };
  'message.created': { conversationId: number; message: TimelineEntry; conversation: ConversationSummary };
  'message.status': {
    conversationId: number;
    messageId: number;
    status: MessageStatus;
    error: string | null;
    /** The platform's copies of this message, stored from a push or poll before it was marked sent, now deleted. */
    removed?: number[];
  };
  'account.alert': {
    alertId: number;
    accountId: string;
    kind: string;
    message: string;
    status: string | null;
    at: string;
  };
  'conversation.moved': {
    conversation: ConversationSummary;
    kind: 'handover' | 'transfer' | 'reassign';
    from: { id: number; displayName: string } | null;
    to: { id: number; displayName: string } | null;
    by: { id: number; displayName: string } | null;
    reason: string;
    note: string;
    text: string;
  };
  'note.created': { conversationId: number; entry: ActivityEntry };
  'agent.presence': { agent: { id: number; displayName: string; presence: string } };
  'handover.finished': { shift: string | null; moved: number; queued: number; queuedConversationIds: number[] };
  'roster.updated': { roster: unknown };
  'sla.warning': { conversation: ConversationSummary };
  'sla.breached': { conversation: ConversationSummary };
  'surge.changed': { surge: SurgeStatus };
  'surge.windows': { date: string };
  'projection.alert': { projection: { accountId: string; below: boolean } };
  'projection.recovered': { projection: { accountId: string; below: boolean } };
  'projection.line': { accountId: string; line: number | null; setBy: number };
}

export type SurgeMode = 'auto' | 'on' | 'off';

export interface SurgeStatus {
  mode: SurgeMode;
  active: boolean;
  since: string | null;
  reason: string | null;
  standby: string[];
  queue: { depth: number; urgent: number; warned: number; expectedWaitSeconds: number };
  history: { id: number; action: string; mode: string; reason: string; at: string; agents: string[];
    by: { id: number; displayName: string } | null }[];
}

export type AgentEventName = keyof AgentEventData;

/** One `{"type":"event"}` frame, after the socket has checked its seq. */
export type AgentEvent = {
  [N in AgentEventName]: { seq: number; event: N; at: string; data: AgentEventData[N] };
}[AgentEventName];

/** What features need from the socket: its events, and word when state must be reloaded over HTTP. */
export interface AgentEventSource {
  onEvent(listener: (event: AgentEvent) => void): () => void;
  onReset(listener: (seq: number) => void): () => void;
}
