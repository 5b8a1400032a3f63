import type { PlanParams } from './types';

const ORDER: (keyof PlanParams)[] = [
  'date', 'days', 'account', 'multiplier', 'peak', 'urgentSeconds', 'urgentRate', 'regularSeconds', 'regularRate',
];

/** The query string of GET /api/staffing/plan: the parameters that are set, in a fixed order. */
export function planQuery(params: PlanParams): URLSearchParams {
  const q = new URLSearchParams();
  for (const key of ORDER) {
    const value = params[key];
    if (value !== undefined && value !== '') q.set(key, String(value));
  }
  return q;
}

/** The body of POST /api/staffing/plan/apply: the same parameters as JSON, numbers as numbers. */
export function planBody(params: PlanParams): PlanParams {
  const body: Record<string, string | number> = {};
  for (const key of ORDER) {
    const value = params[key];
    if (value !== undefined && value !== '') body[key] = value;
  }
  return body as PlanParams;
}
