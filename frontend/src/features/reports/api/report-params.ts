import type { ReportQuery } from '../types';

/** The query string GET /api/reports and /api/reports/export share. */
export function reportParams(query: ReportQuery): URLSearchParams {
  const q = new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy, zone: query.zone });
  if (query.accountId) q.set('accountId', query.accountId);
  if (query.team) q.set('team', query.team);
  if (query.agentId) q.set('agentId', query.agentId);
  return q;
}
