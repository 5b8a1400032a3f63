import { describe, expect, it } from 'vitest';
import type { AdminAccount } from '../types';
import { ago, parseOptions, summarizeHealth } from './account-health';

const now = Date.parse('2026-11-23T12:00:00Z');

function account(patch: Partial<AdminAccount> = {}, health: Partial<AdminAccount['health']> = {}): AdminAccount {
  return {
    id: 'shopee-my-01', platform: 'shopee', shopId: '1', shopName: 'Shop', region: 'MY', timeZone: 'UTC',
    source: 'config', status: 'active', pausedReason: null, running: true, capabilities: null, platformProfile: null,
    health: {
      lastPushAt: null, lastPollAt: null, lastPollError: null, tokenExpiresAt: null, tokenDead: false, errorCount: 0,
      rateLimitCount: 0, lastError: null, lastErrorAt: null, recoveredByBackstop: 0, openAlerts: 0, ...health,
    },
    ...patch,
  };
}

describe('summarizeHealth', () => {
  it('puts a dead token before everything else', () => {
    expect(summarizeHealth(account({ status: 'paused' }, { tokenDead: true }), now).level).toBe('dead');
  });
  it('reports a pause with its reason', () => {
    expect(summarizeHealth(account({ status: 'paused', pausedReason: 'paused by an admin' }), now))
      .toEqual({ level: 'paused', label: 'Paused (paused by an admin)' });
  });
  it('warns about a token expiring within the hour, a failed poll or open alerts', () => {
    expect(summarizeHealth(account({}, { tokenExpiresAt: '2026-11-23T12:30:00Z' }), now).level).toBe('warning');
    expect(summarizeHealth(account({}, { lastPollError: 'RATE_LIMITED error_rate_limit' }), now).label)
      .toContain('RATE_LIMITED');
    expect(summarizeHealth(account({}, { openAlerts: 2 }), now).label).toBe('2 open alert(s)');
  });
  it('is OK otherwise', () => {
    expect(summarizeHealth(account({}, { tokenExpiresAt: '2026-11-23T16:00:00Z' }), now).level).toBe('ok');
  });
  it('does not call a bridge account OK before anything came through it', () => {
    const bridge = { platformProfile: { platform: 'pinduoduo', displayName: 'Pinduoduo', channel: 'bridge' as const, metrics: [] } };
    expect(summarizeHealth(account(bridge), now)).toEqual({ level: 'unreached', label: 'Not reached yet: no push or poll so far' });
    expect(summarizeHealth(account(bridge, { lastPushAt: '2026-11-23T11:59:00Z' }), now).level).toBe('ok');
  });
});

describe('ago', () => {
  it('formats relative times', () => {
    expect(ago(null, now)).toBe('never');
    expect(ago('2026-11-23T11:59:30Z', now)).toBe('30 s ago');
    expect(ago('2026-11-23T11:00:00Z', now)).toBe('1 h ago');
  });
});

describe('parseOptions', () => {
  it('reads key=value lines and lists bad ones', () => {
    expect(parseOptions('shopCipher=abc\n\n maxTextLength = 500 \nnonsense')).toEqual({
      options: { shopCipher: 'abc', maxTextLength: '500' },
      problems: ['line 4: expected key=value'],
    });
  });
});
