import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listShops } from '../api/list-shops';
import { listTeams } from '../api/list-teams';
import { useReport } from '../hooks/useReport';
import type { ChartView, GroupBy, ReportQuery, Shop, Team } from '../types';

const GROUPS: GroupBy[] = ['day', 'week', 'month', 'hour', 'dayhour', 'shift', 'shop', 'platform', 'agent'];
const VIEWS: ChartView[] = ['response', 'platform', 'sla', 'conversion', 'quality', 'workload'];

/** A labelled drop-down; `all`, when given, is the first option and stands for no choice (''). */
function Choice<T extends string>({ label, testId, value, options, all, onPick }: {
  label: string;
  testId: string;
  value: T;
  options: { value: T; label: string }[];
  all?: string;
  onPick: (value: T) => void;
}) {
  return (
    <label>
      {label}
      <select data-testid={testId} value={value} onChange={(e) => onPick(e.target.value as T)}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

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
      <Choice label={t('shop')} testId="report-shop" value={query.accountId} all={t('allShops')}
        options={shops.map((s) => ({ value: s.id, label: `${s.shopName} (${s.platform})` }))}
        onPick={(accountId) => onChange({ accountId })} />
      {teams.length > 0 && (
        <Choice label={t('team')} testId="report-team" value={query.team} all={t('allTeams')}
          options={teams.map((team) => ({ value: team.name, label: team.displayName }))}
          onPick={(team) => onChange({ team })} />
      )}
      <Choice label={t('agent')} testId="report-agent" value={query.agentId} all={t('allAgents')}
        options={agents.map((a) => ({ value: a.key, label: a.label ?? a.key }))}
        onPick={(agentId) => onChange({ agentId })} />
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
      <Choice label={t('groupBy')} testId="report-group" value={query.groupBy}
        options={GROUPS.map((g) => ({ value: g, label: t(`group.${g}`) }))}
        onPick={(groupBy) => onChange({ groupBy })} />
      <Choice label={t('chartOf')} testId="report-view" value={view}
        options={VIEWS.map((v) => ({ value: v, label: t(`view.${v}`) }))}
        onPick={onView} />
    </>
  );
}
