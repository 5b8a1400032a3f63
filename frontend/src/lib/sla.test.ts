import { describe, expect, it } from 'vitest';
import { compareQueued, slaCountdown } from './sla';

const T = Date.parse('2026-11-11T12:00:00Z');

describe('slaCountdown', () => {
  it('counts down to the first-response deadline', () => {
    const c = slaCountdown({ state: 'running', dueAt: '2026-11-11T12:01:30Z' }, '2026-11-11T12:00:00Z', T);
    expect(c.level).toBe('ok');
    expect(c.label).toBe('1m 30s left');
  });

  it('warns in the last quarter or when the server raised it', () => {
    expect(slaCountdown({ state: 'running', dueAt: '2026-11-11T12:00:20Z' }, '2026-11-11T11:58:20Z', T).level).toBe('warn');
    expect(slaCountdown({ state: 'warned', dueAt: '2026-11-11T12:01:00Z' }, '2026-11-11T11:59:00Z', T).level).toBe('warn');
  });

  it('shows how late a breached one is, and nothing when nobody waits', () => {
    const late = slaCountdown({ state: 'breached', dueAt: '2026-11-11T11:58:55Z' }, '2026-11-11T11:57:55Z', T);
    expect(late).toMatchObject({ level: 'breached', label: 'late 1m 05s' });
    expect(slaCountdown({ state: 'none', dueAt: null }, null, T).level).toBe('none');
    expect(slaCountdown(undefined, null, T).label).toBe('—');
  });
});

describe('compareQueued', () => {
  it('orders critical, urgent, normal, each by deadline', () => {
    const rows = [
      { id: 1, priority: 'normal', sla: { dueAt: '2026-11-11T12:00:10Z' } },
      { id: 2, priority: 'urgent', sla: { dueAt: '2026-11-11T12:00:50Z' } },
      { id: 3, priority: 'urgent', sla: { dueAt: '2026-11-11T12:00:30Z' } },
      { id: 4, priority: 'critical', sla: { dueAt: '2026-11-11T12:01:00Z' } },
      { id: 5, priority: 'normal', sla: { dueAt: null } },
    ];
    expect([...rows].sort(compareQueued).map((r) => r.id)).toEqual([4, 3, 2, 1, 5]);
  });
});
