import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { getHandoverNote, saveHandoverNote } from '../api/handover-note';

/**
 * The note for whoever takes this conversation next (shift end, transfer, reassignment). Opens with the
 * saved note or a draft prefilled from the conversation, so it is never empty.
 */
export function HandoverNoteEditor({ conversationId }: { conversationId: number }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const toggle = () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setStatus('Loading…');
    getHandoverNote(conversationId).then(
      (note) => {
        setText(note.text);
        setStatus(note.saved ? 'Saved note' : 'Prefilled draft: edit and save');
      },
      (e: unknown) => setStatus(e instanceof ApiError ? e.message : 'Could not load the note.'),
    );
  };

  const save = () =>
    saveHandoverNote(conversationId, text).then(
      () => setStatus('Saved: it goes with the conversation when it changes hands'),
      (e: unknown) => setStatus(e instanceof ApiError ? e.message : 'Not saved.'),
    );

  return (
    <div className="handover-editor">
      <button type="button" className="link-button" data-testid="handover-note-toggle" onClick={toggle}>
        {open ? 'Hide handover note' : 'Handover note…'}
      </button>
      {open && (
        <>
          <textarea
            data-testid="handover-note-input"
            rows={6}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="button" className="button" data-testid="handover-note-save" disabled={!text.trim()} onClick={() => void save()}>
            Save note
          </button>
          {status && <span data-testid="handover-note-status">{status}</span>}
        </>
      )}
    </div>
  );
}
