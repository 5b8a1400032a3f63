import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentEventSource } from '../../../lib/api-types';
import { errorText } from '../../../lib/errors';
import { getRoster, listTeamSupervisors, putRoster } from '../api/roster';
import {
  fromRoster, newShift, onRosterUpdated, type RosterDraft, type RosterErrors, type ShiftDraft, toRoster, validateRoster,
} from '../hooks/roster-form';

export interface Person {
  username: string;
  label: string;
}

/** A titled list of people, each with a check box; `chosen` holds the usernames checked. */
function PeopleChecks({ title, testId, people, chosen, onChange, children }: {
  title: string;
  testId: string;
  people: Person[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  children?: ReactNode;
}) {
  const toggle = (name: string) => (chosen.includes(name) ? chosen.filter((n) => n !== name) : [...chosen, name]);
  return (
    <div className="roster__people">
      <span>{title}</span>
      {people.map((p) => (
        <label key={p.username}>
          <input type="checkbox" data-testid={testId} data-username={p.username} checked={chosen.includes(p.username)}
            onChange={() => onChange(toggle(p.username))} />
          {p.label}
        </label>
      ))}
      {children}
    </div>
  );
}

/**
 * Shifts with their times, zone, lead and agents, and the standby pool, edited as a form and saved to PUT /api/shifts.
 * Once open, it follows `roster.updated` (see onRosterUpdated).
 */
export function RosterEditor({ agents, events }: { agents: Person[]; events: AgentEventSource }) {
  const { t } = useTranslation('supervisor');
  const [draft, setDraft] = useState<RosterDraft | null>(null);
  const [leads, setLeads] = useState<Person[]>([]);
  const [errors, setErrors] = useState<RosterErrors>({});
  const [status, setStatus] = useState<string | null>(null);
  // the roster as last loaded or saved, and a newer one from the server kept aside while the form has edits
  const loaded = useRef<RosterDraft | null>(null);
  const [offered, setOffered] = useState<RosterDraft | null>(null);
  const current = useRef(draft);
  useEffect(() => {
    current.current = draft;
  }, [draft]);

  const show = (roster: RosterDraft) => {
    loaded.current = roster;
    setDraft(roster);
    setOffered(null);
  };

  useEffect(
    () =>
      events.onEvent((e) => {
        if (e.event !== 'roster.updated') return;
        const incoming = fromRoster(e.data.roster);
        const action = onRosterUpdated(current.current, loaded.current, incoming);
        if (action === 'take') {
          show(incoming);
          setStatus(t('roster.reloaded'));
        } else if (action === 'offer') {
          setOffered(incoming);
        }
      }),
    [events, t],
  );

  const load = () =>
    Promise.all([getRoster(), listTeamSupervisors()]).then(
      ([r, supervisors]) => {
        show(fromRoster(r.roster));
        setLeads(supervisors.map((username) => ({ username, label: username })));
        setStatus(t('roster.now', { shifts: r.current.join(', ') || t('roster.noShift'), source: r.source }));
      },
      (e: unknown) => setStatus(errorText(e, t('roster.loadFailed'))),
    );

  const save = () => {
    if (!draft) return;
    const found = validateRoster(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus(t('roster.fix'));
      return;
    }
    putRoster(toRoster(draft)).then(
      (r) => {
        loaded.current = draft;
        setOffered(null);
        setStatus(t('roster.saved', { shifts: r.current.join(', ') || t('roster.noShift') }));
      },
      (e: unknown) => setStatus(errorText(e, t('roster.notSaved'))),
    );
  };

  const setShift = (i: number, change: Partial<ShiftDraft>) =>
    setDraft((d) => d && { ...d, shifts: d.shifts.map((s, j) => (j === i ? { ...s, ...change } : s)) });
  const error = (key: string) =>
    errors[key] && (
      <small className="roster__invalid" role="alert" data-testid={`roster-error-${key}`}>
        {t(errors[key])}
      </small>
    );
  // Names already in the roster stay selectable even if they are not in the console's list.
  const people = (extra: string[]) => [
    ...agents,
    ...extra.filter((u) => u && !agents.some((a) => a.username === u)).map((u) => ({ username: u, label: u })),
  ];

  return (
    <section className="roster" data-testid="roster-editor">
      <h2>{t('roster.title')}</h2>
      {draft === null ? (
        <button type="button" className="button" data-testid="roster-load" onClick={() => void load()}>
          {t('roster.edit')}
        </button>
      ) : (
        <div className="roster__form" data-testid="roster-form">
          <label className="roster__field">
            <span>{t('roster.zone')}</span>
            <input data-testid="roster-zone" value={draft.zone} onChange={(e) => setDraft({ ...draft, zone: e.target.value })} />
            {error('zone')}
          </label>
          {error('shifts')}
          {draft.shifts.map((s, i) => (
            <fieldset key={i} className="roster__shift" data-testid="roster-shift">
              <legend>{s.name || t('roster.newShift')}</legend>
              <label className="roster__field">
                <span>{t('roster.name')}</span>
                <input data-testid="roster-shift-name" value={s.name} onChange={(e) => setShift(i, { name: e.target.value })} />
                {error(`shift.${i}.name`)}
              </label>
              <label className="roster__field">
                <span>{t('roster.start')}</span>
                <input type="time" data-testid="roster-shift-start" value={s.start} onChange={(e) => setShift(i, { start: e.target.value })} />
                {error(`shift.${i}.start`)}
              </label>
              <label className="roster__field">
                <span>{t('roster.end')}</span>
                <input type="time" data-testid="roster-shift-end" value={s.end} onChange={(e) => setShift(i, { end: e.target.value })} />
                {error(`shift.${i}.end`)}
              </label>
              <label className="roster__field">
                <span>{t('roster.shiftZone')}</span>
                <input data-testid="roster-shift-zone" value={s.zone} placeholder={draft.zone} onChange={(e) => setShift(i, { zone: e.target.value })} />
                {error(`shift.${i}.zone`)}
              </label>
              <label className="roster__field">
                <span>{t('roster.lead')}</span>
                <select data-testid="roster-shift-lead" value={s.lead} onChange={(e) => setShift(i, { lead: e.target.value })}>
                  <option value="">{t('roster.noLead')}</option>
                  {[...leads, ...people([s.lead])].filter((p, k, all) => all.findIndex((q) => q.username === p.username) === k).map((p) => (
                    <option key={p.username} value={p.username}>
                      {p.label}
                    </option>
                  ))}
                </select>
              </label>
              <PeopleChecks title={t('roster.agents')} testId="roster-shift-agent" people={people(s.agents)} chosen={s.agents}
                onChange={(agents) => setShift(i, { agents })}>
                {error(`shift.${i}.agents`)}
              </PeopleChecks>
              <button type="button" className="link-button" onClick={() => setDraft({ ...draft, shifts: draft.shifts.filter((_, j) => j !== i) })}>
                {t('roster.removeShift')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="button" data-testid="roster-add-shift"
            onClick={() => setDraft({ ...draft, shifts: [...draft.shifts, newShift('')] })}>
            {t('roster.addShift')}
          </button>
          <PeopleChecks title={t('roster.standby')} testId="roster-standby" people={people(draft.standby)} chosen={draft.standby}
            onChange={(standby) => setDraft({ ...draft, standby })} />
          <button type="button" className="button button--primary" data-testid="roster-save" onClick={save}>
            {t('roster.save')}
          </button>
        </div>
      )}
      {offered && (
        <p role="status" data-testid="roster-offered">
          {t('roster.changedElsewhere')}{' '}
          <button type="button" className="link-button" data-testid="roster-take" onClick={() => show(offered)}>
            {t('roster.takeNew')}
          </button>
        </p>
      )}
      {status && <p data-testid="roster-status">{status}</p>}
    </section>
  );
}
