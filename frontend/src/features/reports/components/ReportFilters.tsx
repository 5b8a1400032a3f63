import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listShops } from '../api/list-shops';
import { listTeams } from '../api/list-teams';
import { useReport } from '../hooks/useReport';
import type { ChartView, GroupBy, ReportQuery, Shop, Team } from '../types';

const GROUPS: GroupBy[] = ['day', 'week', 'month', 'hour', 'dayhour', 'shift', 'shop', 'platform', 'agent'];
const VIEWS: ChartView[] = ['response', 'platform', 'sla', 'conversion', 'quality', 'workload'];

interface Props {
  query: ReportQuery;
  view: ChartView;
  onChange: (change: Partial<ReportQuery>) => void;
  onView: (view: ChartView) => void;
}

/**
 * The report's filters: shop, team, agent, dates in the user's zone, grouping, and what the chart shows.
 * The agents offered are those with figures in the chosen shops and days (the server's scope).
 */
export function ReportFilters({ query, view, onChange, onView }: Props) {
  const { t } = useTranslation('reports');
  const [shops, setShops] = useState<Shop[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const { report: byAgent } = useReport({ ...query, groupBy: 'agent', agentId: '' });

  useEffect(() => {
    const abort = new AbortController();
    listShops(abort.signal).then(setShops).catch(() => setShops([]));
    listTeams(abort.signal).then(setTeams).catch(() => setTeams([]));
    return () => abort.abort();
  }, []);

  const agents = (byAgent?.groups ?? []).filter((g) => g.key !== '0');
  return (
    <>
      <label>
        {t('shop')}
        <select data-testid="report-shop" value={query.accountId} onChange={(e) => onChange({ accountId: e.target.value })}>
          <option value="">{t('allShops')}</option>
          {shops.map((s) => (
            <option key={s.id} value={s.id}>
              {s.shopName} ({s.platform})
            </option>
          ))}
        </select>
      </label>
      {teams.length > 0 && (
        <label>
          {t('team')}
          <select data-testid="report-team" value={query.team} onChange={(e) => onChange({ team: e.target.value })}>
            <option value="">{t('allTeams')}</option>
            {teams.map((team) => (
              <option key={team.name} value={team.name}>
                {team.displayName}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('agent')}
        <select data-testid="report-agent" value={query.agentId} onChange={(e) => onChange({ agentId: e.target.value })}>
          <option value="">{t('allAgents')}</option>
          {agents.map((a) => (
            <option key={a.key} value={a.key}>
              {a.label ?? a.key}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('from')}
        <input type="date" data-testid="report-from" value={query.from} max={query.to}
          onChange={(e) => e.target.value && onChange({ from: e.target.value })} />
      </label>
      <label>
        {t('to')}
        <input type="date" data-testid="report-to" value={query.to} min={query.from}
          onChange={(e) => e.target.value && onChange({ to: e.target.value })} />
      </label>
      <label>
        {t('groupBy')}
        <select data-testid="report-group" value={query.groupBy} onChange={(e) => onChange({ groupBy: e.target.value as GroupBy })}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {t(`group.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('chartOf')}
        <select data-testid="report-view" value={view} onChange={(e) => onView(e.target.value as ChartView)}>
          {VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`view.${v}`)}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}
