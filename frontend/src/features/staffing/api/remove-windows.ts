import { apiRequest } from '../../../lib/api-client';
import type { RemovedWindows } from './types';
import { windowDay } from './window-day';

/** DELETE /api/staffing/windows: removes that day's windows (a supervisor or admin of every shop only, else 403). */
export function removeWindows(date: string): Promise<RemovedWindows> {
  return apiRequest<RemovedWindows>(`/api/staffing/windows${windowDay(date)}`, { method: 'DELETE' });
}
