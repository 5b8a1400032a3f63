import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, configureApiClient, onUnauthorized } from './api-client';

function answer(status: number, body: unknown) {
  return vi.fn(async (_path: RequestInfo | URL, _init?: RequestInit) => new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

describe('apiRequest', () => {
  afterEach(() => configureApiClient({ token: () => null }));

  it('sends the bearer token and JSON body, and returns the parsed answer', async () => {
    const fetch = answer(202, { message: { id: 92 } });
    configureApiClient({ fetch, token: () => 'jwt-1' });
    const result = await apiRequest('/api/conversations/12/replies', { method: 'POST', body: { text: 'hi' } });
    expect(result).toEqual({ message: { id: 92 } });
    const [path, init] = fetch.mock.calls[0];
    expect(path).toBe('/api/conversations/12/replies');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"text":"hi"}');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer jwt-1');
  });

  it('turns an error answer into an ApiError with the server code and message', async () => {
    configureApiClient({ fetch: answer(409, { error: 'conversation_closed', message: 'The conversation is closed' }) });
    const error = await apiRequest('/api/x', { method: 'POST' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'conversation_closed', message: 'The conversation is closed' });
  });

  it('reports a 401 as the end of the session, except for the login call', async () => {
    const ended = vi.fn();
    const off = onUnauthorized(ended);
    configureApiClient({ fetch: answer(401, { error: 'unauthorized', message: 'Log in again' }) });
    await expect(apiRequest('/api/conversations')).rejects.toMatchObject({ status: 401 });
    expect(ended).toHaveBeenCalledOnce();
    await expect(apiRequest('/api/login', { method: 'POST', body: {}, auth: false })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(ended).toHaveBeenCalledOnce();
    off();
  });

  it('reports an unreachable server as a network error', async () => {
    configureApiClient({ fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });
});
