import { useTranslation } from 'react-i18next';
import { TableHead } from '../../../components/TableHead';
import { formatNumber, formatPercent } from '../../../lib/format';
import type { StaffingPlan } from '../api/types';
import { hourRows, languageCounts, type HourRow } from '../hooks/plan-view';

function HourLine({ row }: { row: HourRow }) {
  const { t } = useTranslation('staffing');
  const split = languageCounts(row.split, ' · ');
  const rate = (share: number) => `${formatPercent(share)}${row.belowTarget ? ` ${t('belowTarget')}` : ''}`;
  return (
    <tr data-testid="staffing-hour" data-hour={row.hour} data-short={String(row.short)}
      className={row.short ? 'staffing__row--short' : undefined}>
      <th scope="row">
        {row.label}
        {row.short && <strong className="staffing__flag">{t('short')}</strong>}
        {row.outOfReach.map((o) => (
          <small key={o.target} className="staffing__ceiling" data-testid="staffing-ceiling" data-target={o.target}>
            {t(`ceiling.${o.target}`, { late: formatPercent(o.late), seconds: o.seconds })}
          </small>
        ))}
      </th>
      <td data-label={t('col.arrivals')}>
        {formatNumber(row.arrivals)}
        {split && <small className="staffing__split" title={t('split', { split })}>{split}</small>}
      </td>
      <td data-label={t('col.agents')}>{row.agents}</td>
      <td data-label={t('col.onShift')}>{row.onShift}</td>
      <td data-label={t('col.standby')}>{row.standbyNeeded}</td>
      <td data-label={t('col.shortfall')} data-testid="staffing-shortfall">{languageCounts(row.shortfall) || '—'}</td>
      <td data-label={t('col.urgentRate')}>{rate(row.urgentRate)}</td>
      <td data-label={t('col.regularRate')}>{rate(row.regularRate)}</td>
      <td data-label={t('col.occupancy')}>{formatPercent(row.occupancy)}</td>
    </tr>
  );
}

/** The plan's 24 hours: chats expected (split by buyer language), agents needed against those on shift, shortfalls. */
export function PlanTable({ plan }: { plan: StaffingPlan }) {
  const { t } = useTranslation('staffing');
  return (
    <table className="staffing__table table--cards" data-testid="staffing-hours">
      <caption>{t('caption', { date: plan.date })}</caption>
      <TableHead t={t} prefix="col."
        columns={['hour', 'arrivals', 'agents', 'onShift', 'standby', 'shortfall', 'urgentRate', 'regularRate', 'occupancy']} />
      <tbody>
        {hourRows(plan).map((row) => (
          <HourLine key={row.hour} row={row} />
        ))}
      </tbody>
    </table>
  );
}
