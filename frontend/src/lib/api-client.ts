import { i18n } from './i18n';
import { currentToken } from './session';

/** An error answer of the API: `{error, message}` with its HTTP status (0 when the network failed). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Send the bearer token and treat a 401 as "session over" (default true; false for the login call). */
  auth?: boolean;
  signal?: AbortSignal;
}

type UnauthorizedListener = () => void;

const unauthorizedListeners = new Set<UnauthorizedListener>();
let fetchImpl: typeof fetch = (...args) => fetch(...args);
let tokenSource: () => string | null = () => currentToken();

/** Called whenever an authenticated call answers 401: the app returns to the login page. */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const listener of [...unauthorizedListeners]) listener();
}

/** For tests: replace fetch and where the token comes from. */
export function configureApiClient(options: { fetch?: typeof fetch; token?: () => string | null }): void {
  if (options.fetch) fetchImpl = options.fetch;
  if (options.token) tokenSource = options.token;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, auth = true, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (auth) {
    const token = tokenSource();
    if (token) headers.Authorization = `Bearer ${token}`;
  }

  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', i18n.t('common:error.network'));
  }

  const payload = await readJson(response);
  if (response.ok) return payload as T;

  const code = typeof payload?.error === 'string' ? payload.error : `http_${response.status}`;
  const message = typeof payload?.message === 'string' ? payload.message : `${response.status} ${response.statusText}`.trim();
  if (response.status === 401 && auth) notifyUnauthorized();
  throw new ApiError(response.status, code, message);
}

async function readJson(response: Response): Promise<Record<string, unknown> | null> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}
