import { describe, expect, it } from 'vitest';
import type { Report } from '../types';
import { chartOption } from './chart-option';
import { labels } from './chart-labels.test-support';
import { emptyFigures, withEveryHour, withShiftLabels } from './hours';


const hourGroup = (key: string, conversations: number, within60: number) => ({
  ...emptyFigures(key, `${key}:00`),
  conversations,
  firstResponse: { ...emptyFigures(key, key).firstResponse, within60Rate: within60 },
  messagesOut: conversations * 2,
  workload: { onlineHours: 1.5, averageChats: 2, peakChats: 3, utilisation: 0.5 },
});

describe('withEveryHour', () => {
  const report: Report = {
    groupBy: 'hour',
    from: '2026-11-23',
    to: '2026-11-23',
    groups: [hourGroup('02', 1, 0), hourGroup('23', 2, 0.5)],
    total: { ...hourGroup('all', 3, 1 / 3) },
  };

  it('lays the report over the whole day: 24 hours in order, the hours without figures empty', () => {
    const full = withEveryHour(report);
    expect(full.groups.map((g) => g.key)).toEqual(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(full.groups[0].label).toBe('00:00–01:00');
    expect(full.groups[23]).toBe(report.groups[1]);
    expect(full.groups[2].conversations).toBe(1);
    expect(full.groups[5].conversations).toBe(0);
    expect(full.groups[5].workload?.onlineHours).toBe(0);

    const option = chartOption(full, 'response', labels);
    expect(option.xAxis.data).toHaveLength(24);
    expect(option.series[0].data[23]).toBe(2);
    // an hour without conversations is a gap in the rate line, not 0 %
    expect(option.series[1].data[5]).toBeNull();
    expect(option.series[1].data[23]).toBe(50);
  });

  it('leaves other groupings as they are (shifts keep the roster order)', () => {
    const shifts = { ...report, groupBy: 'shift', groups: [hourGroup('night', 2, 0.5), hourGroup('', 1, 0)] };
    expect(withEveryHour(shifts)).toBe(shifts);
    expect(withShiftLabels(shifts, 'Außerhalb').groups.map((g) => g.label)).toEqual(['night:00', 'Außerhalb']);
    expect(withShiftLabels(report, 'x')).toBe(report);
  });

  it('charts the workload per hour or shift: online hours and replies as bars, utilisation as a line', () => {
    const option = chartOption(withEveryHour(report), 'workload', labels);
    expect(option.series.map((s) => s.name)).toEqual(['Online (h)', 'Replies', 'Utilisation']);
    expect(option.series[0].data[23]).toBe(1.5);
    expect(option.series[0].data[5]).toBe(0);
    expect(option.series[1].data[23]).toBe(4);
    expect(option.series[2].data[23]).toBe(50);
    expect(option.series[2].data[5]).toBeNull();
  });
});
