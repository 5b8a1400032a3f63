import { describe, expect, it } from 'vitest';
import { planQuery } from '../api/plan-params';
import { newPlanDraft, parsePeak, peakParam, toPlanParams, validatePlanDraft, type PlanDraft } from './plan-form';

const draft = (change: Partial<PlanDraft> = {}): PlanDraft => ({
  ...newPlanDraft('Asia/Kuala_Lumpur', new Date('2026-11-10T03:00:00Z')),
  ...change,
});

describe('parsePeak', () => {
  it('reads the API form and the forms people type', () => {
    expect(parsePeak('20:00-22:00x10')).toEqual({ peak: { start: '20:00', end: '22:00', factor: 10 } });
    expect(parsePeak(' 20:00 – 22:00 × 1.5 ')).toEqual({ peak: { start: '20:00', end: '22:00', factor: 1.5 } });
    expect(parsePeak('8:00-9:30X2')).toEqual({ peak: { start: '08:00', end: '09:30', factor: 2 } });
    expect(parsePeak('00:00~02:00*3').peak).toEqual({ start: '00:00', end: '02:00', factor: 3 });
    // as the server reads them: up to the day's end, and past midnight into the day's first hours
    expect(parsePeak('20:00-24:00x2').peak).toEqual({ start: '20:00', end: '24:00', factor: 2 });
    expect(parsePeak('23:00-01:00x4').peak).toEqual({ start: '23:00', end: '01:00', factor: 4 });
  });

  it('names what is wrong', () => {
    expect(parsePeak('20:00-22:00')).toEqual({ error: 'error.peakFormat' });
    expect(parsePeak('evening x10')).toEqual({ error: 'error.peakFormat' });
    expect(parsePeak('20:00-22:00x-2')).toEqual({ error: 'error.peakFormat' });
    expect(parsePeak('24:00-02:00x2')).toEqual({ error: 'error.peakTime' });
    expect(parsePeak('20:61-22:00x2')).toEqual({ error: 'error.peakTime' });
    expect(parsePeak('20:00-20:00x2')).toEqual({ error: 'error.peakOrder' });
    expect(parsePeak('20:00-22:00x0')).toEqual({ error: 'error.peakFactor' });
    expect(parsePeak('20:00-22:00x101')).toEqual({ error: 'error.peakFactor' });
  });

  it('writes the peak back as the API parameter', () => {
    expect(peakParam({ start: '08:00', end: '09:30', factor: 1.5 })).toBe('08:00-09:30x1.5');
  });
});

describe('the plan form', () => {
  it('starts on the server defaults for tomorrow in the given zone', () => {
    const d = draft();
    expect(d).toEqual({
      date: '2026-11-11', days: '7', multiplier: '1', peak: '', urgentSeconds: '60', urgentRate: '99',
      regularSeconds: '120', regularRate: '95', account: '',
    });
    expect(validatePlanDraft(d)).toEqual({});
  });

  it('names every wrong field at once', () => {
    expect(
      validatePlanDraft(draft({
        date: '2026-02-30', days: '57', multiplier: '0.05', peak: '20:00-22:00', urgentSeconds: '1.5',
        urgentRate: '100', regularSeconds: '', regularRate: 'high',
      })),
    ).toEqual({
      date: 'error.date', days: 'error.days', multiplier: 'error.multiplier', peak: 'error.peakFormat',
      urgentSeconds: 'error.seconds', urgentRate: 'error.rate', regularSeconds: 'error.seconds', regularRate: 'error.rate',
    });
    expect(validatePlanDraft(draft({ days: '0', multiplier: '100.5', urgentRate: '0' }))).toEqual({
      days: 'error.days', multiplier: 'error.multiplier', urgentRate: 'error.rate',
    });
    expect(validatePlanDraft(draft({ days: '56', multiplier: '100', peak: '  ', urgentRate: '99.9' }))).toEqual({});
  });

  it('makes the parameters: rates as shares, the peak in the API form, no shop when every shop is meant', () => {
    const params = toPlanParams(draft({ days: '14', multiplier: '1.5', peak: '20:00 – 22:00 × 10', urgentRate: '99.9', regularRate: '95' }));
    expect(params).toEqual({
      date: '2026-11-11', days: 14, multiplier: 1.5, peak: '20:00-22:00x10',
      urgentSeconds: 60, urgentRate: 0.999, regularSeconds: 120, regularRate: 0.95,
    });
    expect(planQuery(params).get('peak')).toBe('20:00-22:00x10');
    expect(toPlanParams(draft({ account: 'shopee-my-01' })).account).toBe('shopee-my-01');
    expect(toPlanParams(draft())).not.toHaveProperty('peak');
    expect(toPlanParams(draft())).not.toHaveProperty('account');
  });
});
