import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { plannedWindows } from '../../../test-fixtures';
import type { AgentEvent } from '../../../lib/api-types';
import { refusalText, storedDiffer, windowRows, windowsChangedOn } from './planned-windows';

const KL = { locale: 'en', timeZone: 'Asia/Kuala_Lumpur' };
const NOW = new Date('2026-11-10T06:00:00Z'); // 14:00 on the 10th in Kuala Lumpur

describe('the stored windows', () => {
  it('are listed in the order of the day, with the agents they call, who stored them and when, in the user zone', () => {
    expect(windowRows(plannedWindows(), NOW, KL)).toEqual([
      { key: '19:00-21:00-0', label: '19:00–21:00', agents: ['u7', 'u9'], by: 'lead1', at: '12:05' },
      { key: '22:00-24:00-1', label: '22:00–24:00', agents: ['u9'], by: null, at: 'Nov 9 23:30' },
    ]);
    expect(windowRows(plannedWindows(), NOW, { locale: 'zh-CN', timeZone: 'Asia/Kuala_Lumpur' })[1].at).toBe('11月9日 23:30');
    expect(windowRows([], NOW, KL)).toEqual([]);
  });

  it('are flagged when they are not the shown plan’s windows, in their hours or the agents they call', () => {
    const stored = plannedWindows();
    const late = { start: '22:00', end: '24:00', agents: ['u9'] };
    expect(storedDiffer(stored, [late, { start: '19:00', end: '21:00', agents: ['u7', 'u9'] }])).toBe(false);
    expect(storedDiffer(stored, [late, { start: '19:00', end: '21:00', agents: ['u7'] }])).toBe(true);
    expect(storedDiffer(stored, [{ start: '19:00', end: '23:00', agents: ['u7', 'u9'] }])).toBe(true);
    expect(storedDiffer(stored, [])).toBe(true);
    expect(storedDiffer([], [late])).toBe(false);
  });
});

describe('a refused change', () => {
  it('shows the server’s own reason for a 403', () => {
    const message = 'Only a supervisor or admin of every shop may remove planned surge windows';
    expect(refusalText(new ApiError(403, 'forbidden', message))).toBe(message);
    expect(refusalText(new ApiError(403, 'forbidden', ''))).toBe('You have no access to this.');
  });

  it('is not any other failure', () => {
    expect(refusalText(new ApiError(400, 'bad_date', 'date: not a day'))).toBeNull();
    expect(refusalText(new ApiError(0, 'network_error', ''))).toBeNull();
    expect(refusalText(new Error('boom'))).toBeNull();
  });
});

describe('windowsChangedOn', () => {
  const event = (name: 'surge.windows' | 'surge.changed', data: unknown) =>
    ({ seq: 7, event: name, at: '2026-11-10T12:00:00Z', data }) as AgentEvent;

  it('reads the windows again only when the shown day changed', () => {
    expect(windowsChangedOn(event('surge.windows', { date: '2026-11-11' }), '2026-11-11')).toBe(true);
    expect(windowsChangedOn(event('surge.windows', { date: '2026-11-12' }), '2026-11-11')).toBe(false);
    expect(windowsChangedOn(event('surge.windows', { date: '2026-11-11' }), null)).toBe(false);
    expect(windowsChangedOn(event('surge.changed', { surge: {} }), '2026-11-11')).toBe(false);
  });
});
