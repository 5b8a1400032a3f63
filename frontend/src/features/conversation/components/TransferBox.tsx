import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { transferConversation } from '../api/transfer-conversation';

/** Hand the conversation to a team (the router picks who) or back to the queue, with a note for the next agent. */
export function TransferBox({ conversationId }: { conversationId: number }) {
  const [open, setOpen] = useState(false);
  const [team, setTeam] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const send = () =>
    transferConversation(conversationId, team.trim() ? { team: team.trim() } : { toQueue: true }, note.trim(), 'transfer by hand').then(
      (r) => setStatus(r.detail),
      (e: unknown) => setStatus(e instanceof ApiError ? e.message : 'Not transferred.'),
    );

  if (!open) {
    return (
      <button type="button" className="link-button transfer-open" data-testid="transfer-open" onClick={() => setOpen(true)}>
        Transfer…
      </button>
    );
  }
  return (
    <div className="handover-editor" data-testid="transfer-box">
      <input
        data-testid="transfer-team"
        placeholder="Team (e.g. after_sale); empty = back to the queue"
        value={team}
        onChange={(e) => setTeam(e.target.value)}
      />
      <textarea
        data-testid="transfer-note"
        rows={3}
        maxLength={4000}
        placeholder="Note for the next agent (empty: your saved handover note, or the prefilled one)"
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" className="button" data-testid="transfer-send" onClick={() => void send()}>
        Transfer
      </button>
      {status && <span data-testid="transfer-status">{status}</span>}
    </div>
  );
}
