import { describe, expect, it } from 'vitest';
import { planHour, staffingPlan } from '../../../test-fixtures';
import { applyRefusal, byCount, hourRows, languageCounts, mergeHours, planSummary } from './plan-view';

describe('the plan table', () => {
  const rows = hourRows(staffingPlan());

  it('has the 24 hours in order, each labelled with its range', () => {
    expect(rows.map((r) => r.hour)).toEqual(Array.from({ length: 24 }, (_, h) => h));
    expect(rows[0].label).toBe('00:00–01:00');
    expect(rows[23].label).toBe('23:00–24:00');
    const reversed = staffingPlan();
    reversed.hours.reverse();
    expect(hourRows(reversed).map((r) => r.hour)).toEqual(rows.map((r) => r.hour));
  });

  it('totals the arrivals and splits them by language, most first', () => {
    expect(rows[19]).toMatchObject({
      arrivals: 156,
      split: [{ language: 'zh', count: 120 }, { language: 'ms', count: 30 }, { language: 'th', count: 6 }],
    });
    expect(rows[12]).toMatchObject({ arrivals: 28.5, split: [{ language: 'zh', count: 20 }, { language: 'ms', count: 8.5 }] });
  });

  it('marks the hours short of agents or of a language, with the shortfall by language', () => {
    expect(rows.filter((r) => r.short).map((r) => r.hour)).toEqual([9, 19, 20, 21, 22]);
    expect(rows[9]).toMatchObject({ standbyNeeded: 0, shortfall: [{ language: 'th', count: 1 }] });
    expect(rows[20]).toMatchObject({
      agents: 9, onShift: 5, standbyNeeded: 4,
      shortfall: [{ language: 'zh', count: 3 }, { language: 'th', count: 1 }],
    });
    expect(rows[3]).toMatchObject({ short: false, shortfall: [], standbyNeeded: 0 });
  });

  it('notices an hour whose expected rates miss a target', () => {
    expect(rows.some((r) => r.belowTarget)).toBe(false);
    const capped = staffingPlan();
    capped.hours[20] = planHour(20, { arrivals: { zh: 5000 }, agents: 2000, speakers: { zh: 2000 }, onShift: 5, onShiftSpeakers: { zh: 5 } },
      { urgentRate: 0.7, regularRate: 0.4 });
    expect(hourRows(capped)[20].belowTarget).toBe(true);
  });

  it('names the targets the answer times alone put out of reach, in the hours with chats', () => {
    expect(rows.some((r) => r.outOfReach.length > 0)).toBe(false);
    const slow = staffingPlan();
    const peak = { arrivals: { zh: 120 }, agents: 9, speakers: { zh: 7 }, onShift: 5, onShiftSpeakers: { zh: 4 } };
    slow.hours[20] = planHour(20, peak, { urgentRate: 0.74, urgentCeiling: 0.75 });
    slow.hours[21] = planHour(21, peak, { urgentCeiling: 0.99, regularCeiling: 0.5 });
    slow.hours[22] = planHour(22, peak, { urgentCeiling: 0.995 });
    slow.hours[3] = planHour(3, { arrivals: {}, agents: 0, speakers: {}, onShift: 3, onShiftSpeakers: {} }, { urgentCeiling: 0.75 });
    const r = hourRows(slow);
    expect(r[20].outOfReach).toEqual([{ target: 'urgent', late: 0.25, seconds: 60 }]);
    // a ceiling at the target is reached only with endless agents: out of reach too
    expect(r[21].outOfReach).toEqual([
      { target: 'urgent', late: expect.closeTo(0.01), seconds: 60 },
      { target: 'regular', late: 0.5, seconds: 120 },
    ]);
    expect(r[22].outOfReach).toEqual([]);
    expect(r[3].outOfReach).toEqual([]);
  });
});

describe('the plan summary', () => {
  it('lists the standby to add, what is still missing and the windows', () => {
    expect(planSummary(staffingPlan())).toEqual({
      standbyCurrent: ['ola'],
      standbyToAdd: ['u7', 'u9'],
      standbyNeeded: 4,
      neededByLanguage: [{ language: 'zh', count: 3 }, { language: 'th', count: 1 }],
      missing: [{ language: 'th', count: 1 }],
      missingAgents: 1,
      assumedTimes: null,
      surgeWindows: ['19:00–23:00'],
      shortWindows: ['09:00–10:00', '19:00–23:00'],
      arrivals: 9 * 6 + 18 + 9 * 28.5 + 3 * 156 + 83 + 6,
      busiest: { label: '19:00–20:00', agents: 9 },
    });
  });

  it('has nothing to add on a day the shifts cover', () => {
    const covered = staffingPlan({
      hours: Array.from({ length: 24 }, (_, h) =>
        planHour(h, { arrivals: {}, agents: 0, speakers: {}, onShift: 2, onShiftSpeakers: { zh: 2 } })),
      standby: { current: [], proposed: [], needed: 0, neededByLanguage: {}, missing: {}, missingAgents: 0 },
      surgeWindows: [],
    });
    expect(planSummary(covered)).toMatchObject({
      standbyToAdd: [], missing: [], missingAgents: 0, surgeWindows: [], shortWindows: [], arrivals: 0, busiest: null,
    });
  });

  it('says when the handling times are assumed for lack of history', () => {
    const young = staffingPlan({
      history: { conversations: 3, seatSeconds: 300, answerSeconds: 30, urgentShare: 0, defaults: true },
    });
    expect(planSummary(young).assumedTimes).toEqual({ seatSeconds: 300, answerSeconds: 30 });
  });
});

describe('merging hours', () => {
  it('joins contiguous hours, end exclusive, whatever their order', () => {
    expect(mergeHours([21, 19, 9, 20, 20])).toEqual([
      { start: '09:00', end: '10:00' },
      { start: '19:00', end: '22:00' },
    ]);
    expect(mergeHours([0, 1, 23])).toEqual([{ start: '00:00', end: '02:00' }, { start: '23:00', end: '24:00' }]);
    expect(mergeHours([])).toEqual([]);
  });

  it('keeps only positive counts', () => {
    expect(byCount({ zh: 0, ms: 2, en: 2, th: -1 })).toEqual([{ language: 'en', count: 2 }, { language: 'ms', count: 2 }]);
    expect(byCount(undefined)).toEqual([]);
  });

  it('writes counts by language compactly', () => {
    expect(languageCounts(hourRows(staffingPlan())[12].split, ' · ')).toBe('ZH 20 · MS 8.5');
    expect(languageCounts([])).toBe('');
  });
});

describe('who may apply', () => {
  it('tells a supervisor of some shops up front, and otherwise repeats the server\'s first refusal', () => {
    expect(applyRefusal(false, 'every shop', null, null)).toBe('every shop');
    expect(applyRefusal(true, 'every shop', null, null)).toBeNull();
    expect(applyRefusal(true, 'every shop', null, 'Only a supervisor …')).toBe('Only a supervisor …');
  });
});
