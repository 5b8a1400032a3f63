import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { getHandoverNote, saveHandoverNote } from '../api/handover-note';

/**
 * The note for whoever takes this conversation next (shift end, transfer, reassignment). Opens with the
 * saved note or a draft prefilled from the conversation, so it is never empty.
 */
export function HandoverNoteEditor({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation('conversation');
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);

  const toggle = () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setStatus(t('handover.loading'));
    getHandoverNote(conversationId).then(
      (note) => {
        setText(note.text);
        setStatus(note.saved ? t('handover.saved') : t('handover.prefilled'));
      },
      (e: unknown) => setStatus(errorText(e, t('handover.loadFailed'))),
    );
  };

  const save = () =>
    saveHandoverNote(conversationId, text).then(
      () => setStatus(t('handover.savedNow')),
      (e: unknown) => setStatus(errorText(e, t('handover.notSaved'))),
    );

  return (
    <div className="handover-editor">
      <button type="button" className="link-button" data-testid="handover-note-toggle" onClick={toggle}>
        {open ? t('handover.hide') : t('handover.open')}
      </button>
      {open && (
        <>
          <textarea
            data-testid="handover-note-input"
            aria-label={t('note.handover_note')}
            rows={6}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="button" className="button" data-testid="handover-note-save" disabled={!text.trim()} onClick={() => void save()}>
            {t('handover.save')}
          </button>
          {status && <span data-testid="handover-note-status">{status}</span>}
        </>
      )}
    </div>
  );
}
