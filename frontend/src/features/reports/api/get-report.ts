import { apiRequest } from '../../../lib/api-client';
import type { Report, ReportQuery } from '../types';
import { reportParams } from './report-params';

/** GET /api/reports: the figures per group and in total (the server limits them to the caller's scope). */
export function getReport(query: ReportQuery, signal?: AbortSignal): Promise<Report> {
  return apiRequest<Report>(`/api/reports?${reportParams(query)}`, { signal });
}
