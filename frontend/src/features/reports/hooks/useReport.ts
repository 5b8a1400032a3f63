import { useLoad } from '../../../lib/use-load';
import { getReport } from '../api/get-report';
import type { ReportQuery } from '../types';

/** The report for a query, loaded again whenever the query changes. */
export function useReport(query: ReportQuery) {
  const { from, to, groupBy, accountId, team, agentId, zone } = query;
  const { data: report, error, loading } = useLoad(
    (signal) => getReport({ from, to, groupBy, accountId, team, agentId, zone }, signal),
    [from, to, groupBy, accountId, team, agentId, zone],
    'reports:loadFailed',
  );
  return { report, error, loading };
}
