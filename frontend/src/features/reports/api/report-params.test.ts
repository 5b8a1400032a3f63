import { describe, expect, it } from 'vitest';
import { reportParams } from './report-params';

describe('reportParams', () => {
  const base = { from: '2026-11-01', to: '2026-11-07', groupBy: 'day' as const, accountId: '', team: '', agentId: '', zone: 'Asia/Shanghai' };

  it('leaves out the filters that are not set', () => {
    expect(reportParams(base).toString()).toBe('from=2026-11-01&to=2026-11-07&groupBy=day&zone=Asia%2FShanghai');
  });

  it('sends shop, team and agent when chosen', () => {
    const q = reportParams({ ...base, accountId: 'pdd-1', team: 'night', agentId: '42' });
    expect(q.get('accountId')).toBe('pdd-1');
    expect(q.get('team')).toBe('night');
    expect(q.get('agentId')).toBe('42');
  });
});
