import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureApiClient } from '../../../lib/api-client';
import { logout } from './logout';

describe('logout', () => {
  afterEach(() => configureApiClient({ token: () => null }));

  it('asks the server to revoke the session with the current token', async () => {
    const fetch = vi.fn(async (_path: RequestInfo | URL, _init?: RequestInit) => new Response(null, { status: 204 }));
    configureApiClient({ fetch, token: () => 'jwt-7' });
    await logout();
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/auth/logout');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer jwt-7');
  });
});
