import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { addNote } from '../api/add-note';

/** An internal note for the team: shown on the timeline to staff only, never sent to the buyer. */
export function NoteBox({ conversationId }: { conversationId: number }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    try {
      await addNote(conversationId, text.trim());
      setText('');
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'The note was not saved.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="notebox" onSubmit={(e) => void submit(e)}>
      <input
        data-testid="note-input"
        placeholder="Internal note (staff only, never sent to the buyer)"
        value={text}
        maxLength={4000}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button" data-testid="note-add" disabled={busy || !text.trim()}>
        Add note
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
