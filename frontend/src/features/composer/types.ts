// Shapes of the compliance check and quick-reply calls (docs/api.md, "Service quality").

export type FindingAction = 'warn' | 'block';

/** One thing the compliance check found; [start, end) are UTF-16 offsets into the checked text. */
export interface ReplyFinding {
  rule: string;
  group: string;
  label: string;
  term: string;
  language: string;
  start: number;
  end: number;
  matched: string;
  action: FindingAction;
  overridable: boolean;
  fix: string | null;
  hint: string | null;
}

export interface ReplyCheck {
  verdict: 'clean' | 'warn' | 'block';
  blocked: boolean;
  /** Every blocking finding may be sent anyway with a reason. */
  overridable: boolean;
  findings: ReplyFinding[];
}

/** A quick reply found for a conversation, with its variables filled in from it. */
export interface QuickReplyMatch {
  id: number;
  shortcut: string;
  title: string;
  scope: 'team' | 'shop';
  team: string | null;
  language: string;
  text: string;
  /** Variables the conversation could not fill ({orderNumber}…), left in the text. */
  missing: string[];
  rendered: Record<string, string>;
}
