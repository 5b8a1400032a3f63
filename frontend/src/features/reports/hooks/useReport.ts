import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/errors';
import { i18n } from '../../../lib/i18n';
import { getReport } from '../api/get-report';
import type { Report, ReportQuery } from '../types';

/** The report for a query, loaded again whenever the query changes. */
export function useReport(query: ReportQuery) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const { from, to, groupBy, accountId, team, agentId, zone } = query;
  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    getReport({ from, to, groupBy, accountId, team, agentId, zone }, abort.signal)
      .then((r) => {
        setReport(r);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(errorText(e, i18n.t('reports:loadFailed')));
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [from, to, groupBy, accountId, team, agentId, zone]);
  return { report, error, loading };
}
