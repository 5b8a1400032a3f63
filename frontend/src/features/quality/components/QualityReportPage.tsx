import { useTranslation } from 'react-i18next';
import { useMemo, useState } from 'react';
import { TableHead } from '../../../components/TableHead';
import type { Role } from '../../../lib/api-types';
import { formatFull } from '../../../lib/format';
import { useLoad } from '../../../lib/use-load';
import { getInspectionReport } from '../api/get-inspection-report';
import { getResponseMetrics } from '../api/get-response-metrics';
import { getSatisfactionRates } from '../api/get-satisfaction-rates';
import { browserZone, percent, seconds, today } from '../hooks/format';

/**
 * The supervisors' quality page: the daily inspection report (flagged and overridden replies per agent),
 * satisfaction and bad-attitude rates (natural week / month) and the response rate without auto-replies
 * and spam. Agents see their own inspection report only.
 */
export function QualityReportPage({ role }: { role: Role }) {
  const { t } = useTranslation('quality');
  const [date, setDate] = useState(today());
  const [zone, setZone] = useState(browserZone());
  const oversees = role !== 'agent';

  return (
    <section className="qpage" data-testid="quality-report">
      <header className="qpage__header">
        <h1>{t('nav.report')}</h1>
        <label className="qpage__field">
          {t('report.day')} <input type="date" value={date} onChange={(e) => setDate(e.target.value)} data-testid="report-date" />
        </label>
        <label className="qpage__field">
          {t('report.zone')} <input value={zone} onChange={(e) => setZone(e.target.value)} size={22} />
        </label>
      </header>
      <InspectionSection date={date} zone={zone} />
      {oversees && <SatisfactionSection date={date} zone={zone} />}
      {oversees && <ResponseSection date={date} zone={zone} />}
    </section>
  );
}

function InspectionSection({ date, zone }: { date: string; zone: string }) {
  const { t } = useTranslation('quality');
  const { data, error, loading } = useLoad((signal) => getInspectionReport(date, zone, signal), [date, zone], 'quality:loadFailed');
  return (
    <section className="qsection">
      <h2>{t('report.inspection')}</h2>
      {error && <p role="alert" className="qpage__error">{error}</p>}
      {loading && !data && <p>{t('loading')}</p>}
      {data && data.agents.length === 0 && <p className="qpage__empty">{t('report.none')}</p>}
      {data?.agents.map((a) => (
        <details key={a.agent.id} className="qcard" data-testid="report-agent">
          <summary>
            <strong>{a.agent.displayName}</strong>
            {t('report.agentLine', { flagged: a.flagged, overridden: a.overridden })}
          </summary>
          <table className="qtable">
            <TableHead t={t} prefix="report." columns={['when', 'outcome', 'reply', 'found', 'reason']} />
            <tbody>
              {a.replies.map((r) => (
                <tr key={r.messageId}>
                  <td>{formatFull(r.at)}</td>
                  <td className={`qtable__${r.outcome}`}>{t(`report.outcome.${r.outcome}`)}</td>
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
  const { t } = useTranslation('quality');
  const [period, setPeriod] = useState<'week' | 'month'>('week');
  const { data, error } = useLoad((signal) => getSatisfactionRates(period, date, zone, signal), [period, date, zone],
    'quality:loadFailed');
  const rows = useMemo(() => (data ? [...data.agents, data.total] : []), [data]);
  return (
    <section className="qsection">
      <h2>
        {t('report.satisfaction')}{' '}
        <select value={period} onChange={(e) => setPeriod(e.target.value as 'week' | 'month')} aria-label={t('report.period')}>
          <option value="week">{t('report.week')}</option>
          <option value="month">{t('report.month')}</option>
        </select>
      </h2>
      <p className="qpage__lead">
        {t('report.satisfactionLead')}
        {data && t('report.range', { from: data.from, to: data.to })}
      </p>
      {error && <p role="alert" className="qpage__error">{error}</p>}
      {data && (
        <table className="qtable" data-testid="satisfaction-rates">
          <TableHead t={t} prefix="report." columns={['agent', 'satisfied', 'neutral', 'dissatisfied', 'badAttitude', 'satisfactionRate', 'badAttitudeRate']} />
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={i === rows.length - 1 ? 'qtable__total' : undefined}>
                <td>{i === rows.length - 1 ? t('report.allAgents') : r.agent?.displayName ?? t('report.noAgent')}</td>
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
  const { t } = useTranslation('quality');
  const [within, setWithin] = useState(300);
  const range = useMemo(() => dayRange(date), [date]);
  const { data, error } = useLoad((signal) => getResponseMetrics(range.from, range.to, within, signal), [range, within, zone],
    'quality:loadFailed');
  return (
    <section className="qsection">
      <h2>
        {t('report.responseWithin')}{' '}
        <select value={within} onChange={(e) => setWithin(Number(e.target.value))} aria-label={t('report.within')}>
          <option value={60}>{t('report.1m')}</option>
          <option value={120}>{t('report.2m')}</option>
          <option value={300}>{t('report.5m')}</option>
          <option value={43200}>{t('report.12h')}</option>
        </select>
      </h2>
      <p className="qpage__lead">{t('report.responseLead')}</p>
      {error && <p role="alert" className="qpage__error">{error}</p>}
      {data && (
        <dl className="qstats" data-testid="response-metrics">
          <div><dt>{t('report.conversations')}</dt><dd>{data.conversations}</dd></div>
          <div><dt>{t('report.answered')}</dt><dd>{data.answeredWithin}</dd></div>
          <div><dt>{t('report.rate')}</dt><dd>{percent(data.responseRate)}</dd></div>
          <div><dt>{t('report.median')}</dt><dd>{seconds(data.medianFirstResponseSeconds)}</dd></div>
          <div><dt>{t('report.autoReplied')}</dt><dd>{data.autoReplied}</dd></div>
          <div><dt>{t('report.spam')}</dt><dd>{data.spamExcluded}</dd></div>
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
