import { describe, expect, it } from 'vitest';
import { planBody, planQuery } from './plan-params';

describe('plan parameters', () => {
  const params = {
    date: '2026-11-11', days: 14, multiplier: 1.5, peak: '20:00-22:00x10',
    urgentSeconds: 60, urgentRate: 0.99, regularSeconds: 120, regularRate: 0.95,
  };

  it('writes the query string of the GET in a fixed order', () => {
    expect(planQuery(params).toString()).toBe(
      'date=2026-11-11&days=14&multiplier=1.5&peak=20%3A00-22%3A00x10&urgentSeconds=60&urgentRate=0.99&regularSeconds=120&regularRate=0.95',
    );
  });

  it('leaves out what is not set, so the server uses its default', () => {
    expect(planQuery({ days: 7, account: '' }).toString()).toBe('days=7');
    expect(planQuery({}).toString()).toBe('');
  });

  it('sends the same parameters as the JSON body of the apply, numbers as numbers', () => {
    expect(planBody({ ...params, account: 'shopee-my-01', peak: undefined })).toEqual({
      date: '2026-11-11', days: 14, account: 'shopee-my-01', multiplier: 1.5,
      urgentSeconds: 60, urgentRate: 0.99, regularSeconds: 120, regularRate: 0.95,
    });
  });
});
