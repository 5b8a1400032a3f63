import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { getRoster, putRoster } from '../api/roster';

/** Shifts, leads, zones, agents and the standby pool, edited in the format of config/shifts.yaml (as JSON). */
export function RosterEditor() {
  const { t } = useTranslation('supervisor');
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = () =>
    getRoster().then(
      (r) => {
        setText(JSON.stringify(r.roster, null, 2));
        setStatus(t('roster.now', { shifts: r.current.join(', ') || t('roster.noShift'), source: r.source }));
      },
      (e: unknown) => setStatus(errorText(e, t('roster.loadFailed'))),
    );

  const save = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text ?? '');
    } catch {
      setStatus(t('roster.invalid'));
      return;
    }
    putRoster(parsed).then(
      (r) => setStatus(t('roster.saved', { shifts: r.current.join(', ') || t('roster.noShift') })),
      (e: unknown) => setStatus(errorText(e, t('roster.notSaved'))),
    );
  };

  return (
    <section className="roster" data-testid="roster-editor">
      <h2>{t('roster.title')}</h2>
      {text === null ? (
        <button type="button" className="button" data-testid="roster-load" onClick={() => void load()}>
          {t('roster.edit')}
        </button>
      ) : (
        <>
          <textarea data-testid="roster-input" aria-label={t('roster.input')} rows={18} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" className="button button--primary" data-testid="roster-save" onClick={save}>
            {t('roster.save')}
          </button>
        </>
      )}
      {status && <p data-testid="roster-status">{status}</p>}
    </section>
  );
}
