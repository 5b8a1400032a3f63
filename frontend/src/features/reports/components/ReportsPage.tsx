import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import { errorText } from '../../../lib/errors';
import { downloadReport } from '../api/download-report';
import { chartOption } from '../hooks/chart-option';
import { daysBefore, today } from '../hooks/dates';
import { withEveryHour, withShiftLabels } from '../hooks/hours';
import { useReport } from '../hooks/useReport';
import type { ChartView, ReportFigures, ReportQuery } from '../types';
import { ReportChart } from './ReportChart';
import { ReportFilters } from './ReportFilters';
import './reports.css';

const pct = (rate: number | null) => (rate === null ? '–' : `${(rate * 100).toFixed(1)} %`);
const secs = (s: number | null) => (s === null ? '–' : `${s} s`);

/**
 * Reports: first-response, platform-indicator, SLA, conversion, quality and workload figures per day, hour of day, shift, shop, platform or agent as a chart and
 * a table, filtered by shop, team, agent and dates in the user's time zone, downloadable as CSV or XLSX. The server keeps each user to their scope
 * (agents see their own figures only).
 */
export function ReportsPage({ zone }: { zone: string }) {
  const { t } = useTranslation('reports');
  const end = today(zone);
  const [query, setQuery] = useState<ReportQuery>({
    from: daysBefore(end, 6), to: end, groupBy: 'day', accountId: '', team: '', agentId: '', zone,
  });
  const [view, setView] = useState<ChartView>('response');
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { report: answer, error, loading } = useReport(query);
  const report = useMemo(() => answer && withShiftLabels(withEveryHour(answer), t('outsideShifts')), [answer, t]);
  const set = (change: Partial<ReportQuery>) => setQuery((q) => ({ ...q, ...change }));

  const option = useMemo(
    () =>
      report &&
      chartOption(report, view, {
        conversations: t('conversations'),
        within60: t('within', { minutes: 1 }),
        within120: t('within', { minutes: 2 }),
        within300: t('within', { minutes: 5 }),
        platformRate: t('platformRate'),
        resolved: t('resolved'),
        slaWarnings: t('slaWarnings'),
        slaBreaches: t('slaBreaches'),
        preSaleChats: t('preSaleChats'),
        converted: t('converted'),
        conversionRate: t('conversionRate'),
        flagged: t('flagged'),
        overridden: t('overridden'),
        satisfactionRate: t('satisfactionRate'),
        badAttitudeRate: t('badAttitudeRate'),
        onlineHours: t('onlineHours'),
        repliesSent: t('repliesSent'),
        utilisation: t('utilisation'),
      }),
    [report, view, t],
  );

  const download = (format: 'csv' | 'xlsx') => {
    setDownloadError(null);
    downloadReport(query, format).catch((e: unknown) => setDownloadError(errorText(e, t('downloadFailed'))));
  };

  // workload (presence history): the server adds it per agent, hour of day, clock hour or shift
  const perAgent = report?.total.workload !== undefined;
  const row = (g: ReportFigures, total = false) => (
    <tr key={total ? '__total' : g.key} className={total ? 'reports__total' : undefined} data-testid={total ? 'report-total' : 'report-row'}>
      <th scope="row">{total ? t('total') : (g.label ?? g.key)}</th>
      <td data-testid="report-conversations">{g.conversations}</td>
      <td>{secs(g.firstResponse.medianSeconds)}</td>
      <td>{pct(g.firstResponse.within60Rate)}</td>
      <td>{pct(g.firstResponse.within120Rate)}</td>
      <td>{pct(g.firstResponse.within300Rate)}</td>
      <td>{pct(g.platform.rate)}</td>
      <td>{pct(g.resolutionRate)}</td>
      <td>{g.slaWarnings}</td>
      <td>{g.slaBreaches}</td>
      <td data-testid="report-presale">{g.conversion.preSaleChats}</td>
      <td data-testid="report-converted">{g.conversion.converted}</td>
      <td data-testid="report-conversion">{pct(g.conversion.rate)}</td>
      <td>{g.compliance.flagged}</td>
      <td>{g.compliance.overridden}</td>
      <td>{pct(g.satisfaction.rate)}</td>
      <td>{pct(g.satisfaction.badAttitudeRate)}</td>
      {perAgent && (
        <>
          <td data-testid="report-online">{g.workload ? g.workload.onlineHours.toFixed(2) : '–'}</td>
          <td>{g.workload?.averageChats ?? '–'}</td>
          <td>{g.workload ? g.workload.peakChats : '–'}</td>
          <td>{pct(g.workload?.utilisation ?? null)}</td>
        </>
      )}
    </tr>
  );

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('title')}</h1>
      <form className="reports__filters" onSubmit={(e) => e.preventDefault()}>
        <ReportFilters query={query} view={view} onChange={set} onView={setView} />
        <span className="reports__zone">{t('zone', { zone })}</span>
        <span className="reports__spacer" />
        <button type="button" className="button" data-testid="report-csv" onClick={() => download('csv')}>
          {t('downloadCsv')}
        </button>
        <button type="button" className="button" data-testid="report-xlsx" onClick={() => download('xlsx')}>
          {t('downloadXlsx')}
        </button>
      </form>
      {downloadError && <p role="alert" className="reports__error">{downloadError}</p>}
      {error && <p role="alert" className="reports__error">{error}</p>}
      {loading && !report && <p>{t('loading')}</p>}
      {report && option && (
        <div data-testid="report-loaded" data-account={query.accountId} data-group={query.groupBy} aria-busy={loading}>
          {report.groups.length === 0 ? <p data-testid="report-empty">{t('empty')}</p> : <ReportChart option={option} />}
          <table className="reports__table">
            <TableHead
              t={t}
              columns={[
                `group.${query.groupBy}`, 'conversations', 'median',
                ['within', { minutes: 1 }], ['within', { minutes: 2 }], ['within', { minutes: 5 }],
                'platformRate', 'resolved', 'slaWarnings', 'slaBreaches', 'preSaleChats', 'converted', 'conversionRate',
                'flagged', 'overridden', 'satisfactionRate', 'badAttitudeRate',
                ...(perAgent ? ['onlineHours', 'averageChats', 'peakChats', 'utilisation'] : []),
              ]}
            />
            <tbody>
              {report.groups.map((g) => row(g))}
              {row(report.total, true)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
