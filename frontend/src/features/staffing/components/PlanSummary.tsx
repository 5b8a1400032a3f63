import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { languageLabel } from '../../../lib/labels';
import { languageCounts, type PlanSummary as Summary } from '../hooks/plan-view';

/** The day at a glance: standby to add, languages nobody left can cover, surge windows and the busiest hour. */
export function PlanSummary({ summary }: { summary: Summary }) {
  const { t } = useTranslation('staffing');
  const list = (items: string[], empty = t('none')) => items.join(', ') || empty;
  const line = (key: string, value: string, testId?: string) => (
    <div>
      <dt>{t(key)}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section className="staffing__summary" data-testid="staffing-summary" aria-labelledby="staffing-summary-title">
      <h3 id="staffing-summary-title">{t('summary.title')}</h3>
      {summary.missingAgents > 0 && (
        <p className="staffing__warning" data-testid="staffing-missing-agents">
          {t('missingAgents', { count: summary.missingAgents })}
        </p>
      )}
      {summary.assumedTimes && (
        <p className="staffing__note" data-testid="staffing-assumed-times">
          {t('assumedTimes', summary.assumedTimes)}
        </p>
      )}
      {summary.missing.map((m) => (
        <p key={m.language} className="staffing__warning" data-testid="staffing-missing" data-language={m.language}>
          {t('missing', { language: languageLabel(m.language), count: m.count })}
        </p>
      ))}
      <dl>
        {line('summary.add', list(summary.standbyToAdd, t('nobody')), 'staffing-standby-add')}
        {line('summary.current', list(summary.standbyCurrent, t('nobody')))}
        {line('summary.needed', t('summary.neededValue', {
          count: summary.standbyNeeded,
          languages: languageCounts(summary.neededByLanguage) || t('none'),
        }))}
        {line('summary.surge', list(summary.surgeWindows), 'staffing-surge-windows')}
        {line('summary.short', list(summary.shortWindows))}
        {summary.busiest && line('summary.busiest', t('summary.busiestValue', { hour: summary.busiest.label, count: summary.busiest.agents }))}
        {line('summary.arrivals', formatNumber(summary.arrivals, 0))}
      </dl>
    </section>
  );
}
