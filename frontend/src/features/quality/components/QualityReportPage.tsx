import { useMemo, useState } from 'react';
import type { Role } from '../../../lib/api-types';
import { formatFull } from '../../../lib/format';
import { getInspectionReport } from '../api/get-inspection-report';
import { getResponseMetrics } from '../api/get-response-metrics';
import { getSatisfactionRates } from '../api/get-satisfaction-rates';
import { browserZone, percent, seconds, today } from '../hooks/format';
import { useLoad } from '../hooks/useLoad';

/**
 * The supervisors' quality page: the daily inspection report (flagged and overridden replies per agent),
 * satisfaction and bad-attitude rates (natural week / month) and the response rate without auto-replies
 * and spam. Agents see their own inspection report only.
 */
export function QualityReportPage({ role }: { role: Role }) {
  const [date, setDate] = useState(today());
  const [zone, setZone] = useState(browserZone());
  const oversees = role !== 'agent';

  return (
    <section className="qpage" data-testid="quality-report">
      <header className="qpage__header">
        <h1>Quality report</h1>
        <label className="qpage__field">
          Day <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="report-date" />
        </label>
        <label className="qpage__field">
          Time zone <input value={zone} onChange={(e) => setZone(e.target.value)} size={22} />
        </label>
      </header>
      <InspectionSection date={date} zone={zone} />
      {oversees && <SatisfactionSection date={date} zone={zone} />}
      {oversees && <ResponseSection date={date} zone={zone} />}
    </section>
  );
}

function InspectionSection({ date, zone }: { date: string; zone: string }) {
  const { data, error, loading } = useLoad((signal) => getInspectionReport(date, zone, signal), [date, zone]);
  return (
    <section className="qsection">
      <h2>Inspection: flagged and overridden replies</h2>
      {error && <p role="alert" className="qpage__error">{error}</p>}
      {loading && !data && <p>Loading…</p>}
      {data && data.agents.length === 0 && <p className="qpage__empty">No flagged or overridden replies that day.</p>}
      {data?.agents.map((a) => (
        <details key={a.agent.id} className="qcard" data-testid="report-agent">
          <summary>
            <strong>{a.agent.displayName}</strong> · {a.flagged} flagged · {a.overridden} overridden
          </summary>
          <table className="qtable">
            <thead>
              <tr>
                <th>When</th>
                <th>Outcome</th>
                <th>Reply</th>
                <th>Found</th>
                <th>Reason</th>
              </tr>
            </thead>
            <tbody>
              {a.replies.map((r) => (
                <tr key={r.messageId}>
                  <td>{formatFull(r.at)}</td>
                  <td className={`qtable__${r.outcome}`}>{r.outcome}</td>
                  <td>{r.text}</td>
                  <td>{r.findings.map((f) => (f.matched && f.rule !== 'repeated' ? `“${f.matched}” ` : '') + `(${f.label})`).join('; ')}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </section>
  );
}

function SatisfactionSection({ date, zone }: { date: string; zone: string }) {
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const { data, error } = useLoad((signal) => getSatisfactionRates(period, date, zone, signal), [period, date, zone]);
  const rows = useMemo(() => (data ? [...data.agents, data.total] : []), [data]);
  return (
    <section className="qsection">
      <h2>
        Satisfaction{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value as 'week' | 'month')} aria-label="Period">
          <option value="week">natural week</option>
          <option value="month">natural month</option>
        </select>
      </h2>
      <p className="qpage__lead">
        Satisfaction rate = satisfied / all ratings (Kuaishou: at least 80% per week). Bad-attitude rate = neutral and
        dissatisfied ratings for bad attitude / all neutral and dissatisfied (at most 6% per month).
        {data && ` ${data.from} to ${data.to} (exclusive).`}
      </p>
      {error && <p role="alert" className="qpage__error">{error}</p>}
      {data && (
        <table className="qtable" data-testid="satisfaction-rates">
          <thead>
            <tr>
              <th>Agent</th>
              <th>Satisfied</th>
              <th>Neutral</th>
              <th>Dissatisfied</th>
              <th>Bad attitude</th>
              <th>Satisfaction rate</th>
              <th>Bad-attitude rate</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={i === rows.length - 1 ? 'qtable__total' : undefined}>
                <td>{i === rows.length - 1 ? 'All agents' : r.agent?.displayName ?? '(no agent)'}</td>
                <td>{r.satisfied}</td>
                <td>{r.neutral}</td>
                <td>{r.dissatisfied}</td>
                <td>{r.badAttitude}</td>
                <td>{percent(r.satisfactionRate)}</td>
                <td>{percent(r.badAttitudeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ResponseSection({ date, zone }: { date: string; zone: string }) {
  const [within, setWithin] = useState(300);
  const range = useMemo(() => dayRange(date), [date]);
  const { data, error } = useLoad((signal) => getResponseMetrics(range.from, range.to, within, signal), [range, within, zone]);
  return (
    <section className="qsection">
      <h2>
        Response rate within{' '}
        <select value={within} onChange={(e) => setWithin(Number(e.target.value))} aria-label="Within">
          <option value={60}>1 minute</option>
          <option value={120}>2 minutes</option>
          <option value={300}>5 minutes (Pinduoduo)</option>
          <option value={43200}>12 hours (Shopee)</option>
        </select>
      </h2>
      <p className="qpage__lead">Only a human reply counts: auto-replies are not a response, spam is left out.</p>
      {error && <p role="alert" className="qpage__error">{error}</p>}
      {data && (
        <dl className="qstats" data-testid="response-metrics">
          <div><dt>Conversations</dt><dd>{data.conversations}</dd></div>
          <div><dt>Answered in time</dt><dd>{data.answeredWithin}</dd></div>
          <div><dt>Response rate</dt><dd>{percent(data.responseRate)}</dd></div>
          <div><dt>Median first response</dt><dd>{seconds(data.medianFirstResponseSeconds)}</dd></div>
          <div><dt>Got an auto-reply</dt><dd>{data.autoReplied}</dd></div>
          <div><dt>Spam left out</dt><dd>{data.spamExcluded}</dd></div>
        </dl>
      )}
    </section>
  );
}

/** The browser-local day as an ISO instant range. */
function dayRange(date: string): { from: string; to: string } {
  const [y, m, d] = date.split('-').map(Number);
  const start = new Date(y, (m ?? 1) - 1, d ?? 1);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
