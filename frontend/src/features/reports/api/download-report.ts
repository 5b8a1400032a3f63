import { ApiError, notifyUnauthorized } from '../../../lib/api-client';
import { currentToken } from '../../../lib/session';
import type { ReportQuery } from '../types';
import { reportParams } from './report-params';

/** GET /api/reports/export: the same figures as a CSV or XLSX file, saved by the browser. */
export async function downloadReport(query: ReportQuery, format: 'csv' | 'xlsx'): Promise<void> {
  const params = reportParams(query);
  params.set('format', format);
  const token = currentToken();
  const response = await fetch(`/api/reports/export?${params}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) {
    if (response.status === 401) notifyUnauthorized();
    const payload = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    throw new ApiError(response.status, payload?.error ?? `http_${response.status}`, payload?.message ?? response.statusText);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `unibox-report-${query.accountId || 'all'}-${query.from}-${query.to}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
