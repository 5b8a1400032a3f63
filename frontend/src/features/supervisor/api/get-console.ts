import { apiRequest } from '../../../lib/api-client';
import type { ConsoleView } from './types';

/** GET /api/supervisor/console: queue, agents, shifts and surge in the supervisor's shops. */
export function getConsole(signal?: AbortSignal): Promise<ConsoleView> {
  return apiRequest<ConsoleView>('/api/supervisor/console', { signal });
}
