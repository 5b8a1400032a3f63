import { apiRequest } from '../../../lib/api-client';
import type { PlannedWindows } from './types';
import { windowDay } from './window-day';

/** GET /api/staffing/windows: the surge windows stored for that day. */
export function getWindows(date: string, signal?: AbortSignal): Promise<PlannedWindows> {
  return apiRequest<PlannedWindows>(`/api/staffing/windows${windowDay(date)}`, { signal });
}
