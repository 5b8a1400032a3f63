import { apiRequest } from '../../../lib/api-client';
import type { InspectionReport } from '../types';

/** GET /api/quality/inspections: flagged and overridden replies of one day, per agent. */
export function getInspectionReport(date: string, zone: string, signal?: AbortSignal): Promise<InspectionReport> {
  const q = new URLSearchParams({ date, zone });
  return apiRequest<InspectionReport>(`/api/quality/inspections?${q}`, { signal });
}
