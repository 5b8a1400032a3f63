// What a conversation view hands to the composer the app plugs into it (features/composer), so the two
// features never import each other.

/** An agent's reason to send a reply the shop's policy blocks (where the policy allows an override). */
export interface ReplyOverride {
  reason: string;
}

export interface ComposerSlotProps {
  conversationId: number;
  buyerName: string;
  /** Why replying is not possible now (e.g. solved), or null. */
  disabledReason: string | null;
  /** The platform's longest text in Unicode code points (null while unknown). */
  maxLength: number | null;
  /** Resolves once the server has accepted the reply; rejects with a message for the agent otherwise. */
  onSend: (text: string, override?: ReplyOverride) => Promise<void>;
}

/** Length as the platforms count it: Unicode code points, not UTF-16 units. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
