import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { getRoster, putRoster } from '../api/roster';

/** Shifts, leads, zones, agents and the standby pool, edited in the format of config/shifts.yaml (as JSON). */
export function RosterEditor() {
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = () =>
    getRoster().then(
      (r) => {
        setText(JSON.stringify(r.roster, null, 2));
        setStatus(`Now: ${r.current.join(', ') || 'no shift'} · from ${r.source}`);
      },
      (e: unknown) => setStatus(e instanceof ApiError ? e.message : 'Could not load the roster.'),
    );

  const save = () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text ?? '');
    } catch {
      setStatus('That is not valid JSON.');
      return;
    }
    putRoster(parsed).then(
      (r) => setStatus(`Saved. Now: ${r.current.join(', ') || 'no shift'}`),
      (e: unknown) => setStatus(e instanceof ApiError ? e.message : 'Not saved.'),
    );
  };

  return (
    <section className="roster" data-testid="roster-editor">
      <h2>Shifts and roster</h2>
      {text === null ? (
        <button type="button" className="button" data-testid="roster-load" onClick={() => void load()}>
          Edit shifts…
        </button>
      ) : (
        <>
          <textarea data-testid="roster-input" rows={18} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="button" className="button button--primary" data-testid="roster-save" onClick={save}>
            Save roster
          </button>
        </>
      )}
      {status && <p data-testid="roster-status">{status}</p>}
    </section>
  );
}
