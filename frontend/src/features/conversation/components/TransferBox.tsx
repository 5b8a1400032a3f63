import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { listTeams, type TeamOption } from '../api/list-teams';
import { transferConversation } from '../api/transfer-conversation';

/** Hand the conversation to a team (the router picks who) or back to the queue, with a note for the next agent. */
export function TransferBox({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation('conversation');
  const [open, setOpen] = useState(false);
  const [team, setTeam] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [teams, setTeams] = useState<TeamOption[]>([]);

  useEffect(() => {
    if (open) listTeams().then(setTeams, () => setTeams([]));
  }, [open]);

  const send = () =>
    transferConversation(conversationId, team.trim() ? { team: team.trim() } : { toQueue: true }, note.trim(), t('transfer.reason')).then(
      (r) => setStatus(r.detail),
      (e: unknown) => setStatus(errorText(e, t('transfer.failed'))),
    );

  if (!open) {
    return (
      <div className="handover-editor">
        <button type="button" className="link-button transfer-open" data-testid="transfer-open" onClick={() => setOpen(true)}>
          {t('transfer.open')}
        </button>
      </div>
    );
  }
  return (
    <div className="handover-editor" data-testid="transfer-box">
      <select data-testid="transfer-team" aria-label={t('transfer.team')} value={team} onChange={(e) => setTeam(e.target.value)}>
        <option value="">{t('transfer.queue')}</option>
        {teams.map((x) => (
          <option key={x.name} value={x.name}>
            {x.displayName}
          </option>
        ))}
      </select>
      <textarea
        data-testid="transfer-note"
        rows={3}
        maxLength={4000}
        placeholder={t('transfer.note')}
        aria-label={t('transfer.note')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="button" className="button" data-testid="transfer-send" onClick={() => void send()}>
        {t('transfer.send')}
      </button>
      <button type="button" className="link-button" data-testid="transfer-cancel" onClick={() => setOpen(false)}>
        {t('transfer.close')}
      </button>
      {status && <span data-testid="transfer-status">{status}</span>}
    </div>
  );
}
