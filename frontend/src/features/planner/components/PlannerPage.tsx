import './planner.css';
import { useEffect, useState } from 'react';
import { getRoster } from '../api/get-roster';
import { listScenarios } from '../api/list-scenarios';
import { makePlan } from '../api/make-plan';
import type { RosterView, ScenarioInfo, StaffingPlan } from '../types';

const HISTORY = 'history';

/** The staffing plan per hour and language (agents, on the roster, standby to add) beside the live roster. */
export function PlannerPage() {
  const [scenarios, setScenarios] = useState<ScenarioInfo[]>([]);
  const [source, setSource] = useState<string>(HISTORY);
  const [plan, setPlan] = useState<StaffingPlan | null>(null);
  const [roster, setRoster] = useState<RosterView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listScenarios(abort.signal).then(setScenarios).catch((e: Error) => setError(e.message));
    getRoster(abort.signal).then(setRoster).catch(() => setRoster(null));
    return () => abort.abort();
  }, []);

  useEffect(() => {
    setPlan(null);
    makePlan(source === HISTORY ? { historyDays: 28 } : { scenario: source })
      .then((p) => {
        setPlan(p);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  }, [source]);

  return (
    <div className="planner" data-testid="planner">
      <header className="planner__head">
        <h2>Staffing plan</h2>
        <label>
          Forecast{' '}
          <select value={source} onChange={(e) => setSource(e.target.value)} data-testid="planner-source">
            <option value={HISTORY}>Our shops, last 28 days</option>
            {scenarios.map((s) => (
              <option key={s.file} value={s.file}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {plan && (
          <span className="planner__targets">
            targets: urgent {Math.round(plan.targets.urgentRate * 100)} % within {plan.targets.urgentSeconds} s,
            regular {Math.round(plan.targets.regularRate * 100)} % within {plan.targets.regularSeconds} s
            ({plan.chatsPerAgent} chats per agent, {plan.zone})
          </span>
        )}
      </header>
      {error && <p className="planner__error" role="alert">{error}</p>}
      <div className="planner__body">
        {plan && (
          <table className="planner__table" data-testid="planner-table">
            <thead>
              <tr>
                <th>hour</th>
                <th>agents needed</th>
                <th>standby to add</th>
                <th>per language: needed / on roster (+ standby)</th>
              </tr>
            </thead>
            <tbody>
              {plan.hours.map((h) => (
                <tr key={h.hour} className={h.standby > 0 ? 'planner__row--short' : undefined}>
                  <td>{String(h.hour).padStart(2, '0')}:00</td>
                  <td>{h.agents}</td>
                  <td>{h.standby}</td>
                  <td>
                    {h.languages
                      .filter((l) => l.agents > 0)
                      .map((l) => `${l.language} ${l.agents}/${l.rostered}${l.standby > 0 ? ` (+${l.standby})` : ''}`)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <aside className="planner__roster" data-testid="planner-roster">
          <h3>Roster{roster ? ` (${roster.roster.zone})` : ''}</h3>
          {roster?.roster.shifts.map((s) => (
            <p key={s.name}>
              <strong>{s.name}</strong> {s.start}–{s.end}: {s.agents.length ? s.agents.join(', ') : 'nobody'}
            </p>
          ))}
          {roster && <p>
            <strong>standby</strong>: {roster.roster.standby.length ? roster.roster.standby.join(', ') : 'nobody'}
          </p>}
        </aside>
      </div>
    </div>
  );
}
