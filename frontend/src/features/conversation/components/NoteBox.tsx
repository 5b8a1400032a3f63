import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { addNote } from '../api/add-note';

/** An internal note for the team: shown on the timeline to staff only, never sent to the buyer. */
export function NoteBox({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation('conversation');
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
      setError(errorText(err, t('note.failed')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="notebox" onSubmit={(e) => void submit(e)}>
      <input
        data-testid="note-input"
        placeholder={t('note.placeholder')}
        aria-label={t('note.note')}
        value={text}
        maxLength={4000}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button" data-testid="note-add" disabled={busy || !text.trim()}>
        {t('note.add')}
      </button>
      {error && <span role="alert">{error}</span>}
    </form>
  );
}
