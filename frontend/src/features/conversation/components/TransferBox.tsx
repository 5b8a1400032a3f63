import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { listColleagues, type ColleagueOption } from '../api/list-colleagues';
import { listTeams, type TeamOption } from '../api/list-teams';
import { transferConversation } from '../api/transfer-conversation';

/**
 * Hand the conversation to a colleague by name (those who serve its shop, online and eligible first, the
 * others marked), to a team (the router picks who) or back to the queue, with a note for the next agent.
 */
export function TransferBox({ conversationId }: { conversationId: number }) {
  const { t } = useTranslation('conversation');
  const [open, setOpen] = useState(false);
  const [team, setTeam] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [teams, setTeams] = useState<TeamOption[]>([]);
  const [colleague, setColleague] = useState('');
  const [colleagues, setColleagues] = useState<ColleagueOption[]>([]);

  useEffect(() => {
    if (!open) return;
    listTeams().then(setTeams, () => setTeams([]));
    listColleagues(conversationId).then(setColleagues, () => setColleagues([]));
  }, [open, conversationId]);

  const target = colleague ? { toAgentId: Number(colleague) } : team.trim() ? { team: team.trim() } : { toQueue: true };
  const send = () =>
    transferConversation(conversationId, target, note.trim(), t('transfer.reason')).then(
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
      <select
        data-testid="transfer-colleague"
        aria-label={t('transfer.colleague')}
        value={colleague}
        onChange={(e) => setColleague(e.target.value)}
      >
        <option value="">{t('transfer.anyone')}</option>
        {colleagues.map((c) => (
          <option key={c.id} value={c.id} data-presence={c.presence} data-eligible={String(c.eligible)} data-full={String(c.full)}>
            {t('transfer.colleagueOption', {
              name: c.displayName,
              presence: t(`transfer.presence.${c.presence}`),
              load: `${c.activeCount}/${c.maxConcurrent}`,
            })}
            {c.full ? t('transfer.mark.full') : ''}
            {c.eligible ? '' : t('transfer.mark.notEligible')}
          </option>
        ))}
      </select>
      <select
        data-testid="transfer-team"
        aria-label={t('transfer.team')}
        value={team}
        disabled={colleague !== ''}
        onChange={(e) => setTeam(e.target.value)}
      >
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
