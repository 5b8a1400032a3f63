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
  onSend: (text: string, override?: ReplyOverride) => void;
}
