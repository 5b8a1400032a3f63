import type { ReplyFinding } from '../types';

// Pure helpers of the composer: highlighting, fixes and the "/shortcut" being typed.

export interface Segment {
  text: string;
  finding?: ReplyFinding;
}

/** The text cut into plain and flagged pieces, for the highlight layer under the text area. */
export function segments(text: string, findings: ReplyFinding[]): Segment[] {
  const spans = findings
    .filter((f) => f.end > f.start && f.end <= text.length && f.rule !== 'repeated')
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue; // overlapping: the earlier, longer one is shown
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), finding: f });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** The text with a finding replaced by its suggested fix (null when the text changed since the check). */
export function applyFix(text: string, finding: ReplyFinding): string | null {
  if (!finding.fix || text.slice(finding.start, finding.end) !== finding.matched) return null;
  return text.slice(0, finding.start) + finding.fix + text.slice(finding.end);
}

export interface SlashToken {
  start: number;
  end: number;
  query: string;
}

/** A "/shortcut" right before the caret, at the start or after a blank: the quick-reply search. */
export function slashToken(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([a-z0-9_-]{0,32})$/i.exec(before);
  if (!match) return null;
  const start = caret - match[2].length - 1;
  return { start, end: caret, query: match[2].toLowerCase() };
}

/** Inserts a quick reply in place of the "/shortcut"; returns the new text and where the caret goes. */
export function insertAt(text: string, token: SlashToken, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, token.start) + insert + text.slice(token.end), caret: token.start + insert.length };
}
