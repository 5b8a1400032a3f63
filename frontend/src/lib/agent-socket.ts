import type { AgentEvent, AgentEventSource } from './api-types';

// The agent's live channel (docs/api.md, "WebSocket /ws"): authenticate with the token and the highest
// seq processed so far, get `hello`, then the missed events (resume), then live ones. The highest processed
// seq is kept in sessionStorage per user, so a reconnect and a page reload both resume where they stopped.
// A server that closes a too-slow socket (4408) is simply reconnected to; a `resync` frame (the events
// after our seq were deleted by retention) makes every view reload its state over HTTP, like a reset.

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

/** The part of the browser's WebSocket this class uses. */
export interface WebSocketLike {
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason?: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface SeqStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface AgentSocketOptions {
  token: string;
  userId: number;
  url?: string;
  WebSocketImpl?: WebSocketConstructor;
  storage?: SeqStorage;
  /** Called when the server refuses the token (close code 4401); the socket stops. */
  onUnauthorized?: () => void;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  pingIntervalMs?: number;
  /** No frame at all for this long (pongs included) means the connection is dead: reconnect. */
  idleTimeoutMs?: number;
}

export const UNAUTHORIZED_CLOSE_CODE = 4401;
/** The server closed the socket because it could not take its events for too long: reconnect and resume. */
export const TOO_SLOW_CLOSE_CODE = 4408;

export function socketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws`;
}

export function seqStorageKey(userId: number): string {
  return `unibox.lastSeq.${userId}`;
}

/** Delay before reconnect attempt number `attempt` (0-based): 0.5 s doubling, at most 10 s. */
export function backoffDelay(attempt: number, minMs = 500, maxMs = 10_000): number {
  return Math.min(maxMs, minMs * 2 ** Math.min(attempt, 30));
}

type Listener<T> = (value: T) => void;

export class AgentSocket implements AgentEventSource {
  private readonly opts: Required<Omit<AgentSocketOptions, 'onUnauthorized' | 'url'>> &
    Pick<AgentSocketOptions, 'onUnauthorized'> & { url: string };
  private ws: WebSocketLike | null = null;
  private current: ConnectionState = 'stopped';
  private seq: number;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private readonly eventListeners = new Set<Listener<AgentEvent>>();
  private readonly stateListeners = new Set<Listener<ConnectionState>>();
  private readonly resetListeners = new Set<Listener<number>>();

  constructor(options: AgentSocketOptions) {
    this.opts = {
      url: options.url ?? socketUrl(window.location),
      WebSocketImpl: options.WebSocketImpl ?? (globalThis.WebSocket as unknown as WebSocketConstructor),
      storage: options.storage ?? sessionStorage,
      minBackoffMs: options.minBackoffMs ?? 500,
      maxBackoffMs: options.maxBackoffMs ?? 10_000,
      pingIntervalMs: options.pingIntervalMs ?? 20_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 45_000,
      token: options.token,
      userId: options.userId,
      onUnauthorized: options.onUnauthorized,
    };
    this.seq = readSeq(this.opts.storage, options.userId);
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** The highest event seq processed (and persisted) so far. */
  get lastSeq(): number {
    return this.seq;
  }

  onEvent(listener: Listener<AgentEvent>): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onState(listener: Listener<ConnectionState>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /**
   * Reload state from HTTP: the server's event log is behind what we processed (it was reset), or it no
   * longer holds the events we missed (`resync` after retention).
   */
  onReset(listener: Listener<number>): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  start(): void {
    if (this.current !== 'stopped') return;
    this.attempt = 0;
    this.setState('connecting');
    this.connect();
  }

  stop(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.dropConnection(1000, 'client stopped');
    this.setState('stopped');
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    let ws: WebSocketLike;
    try {
      ws = new this.opts.WebSocketImpl(this.opts.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.armIdleTimer();
      ws.send(JSON.stringify({ type: 'auth', token: this.opts.token, lastSeq: this.seq }));
    };
    ws.onmessage = (message) => {
      if (this.ws !== ws) return;
      this.armIdleTimer();
      this.handleFrame(message.data);
    };
    ws.onerror = () => {
      // A close event always follows; reconnecting is decided there.
    };
    ws.onclose = (close) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.clearConnectionTimers();
      if (close.code === UNAUTHORIZED_CLOSE_CODE) {
        this.setState('stopped');
        this.opts.onUnauthorized?.();
        return;
      }
      this.scheduleReconnect();
    };
  }

  private handleFrame(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return;
    }
    if (frame.type === 'hello') {
      this.attempt = 0;
      const serverSeq = frame.lastSeq;
      if (typeof serverSeq === 'number' && serverSeq < this.seq) {
        this.storeSeq(serverSeq);
        for (const listener of [...this.resetListeners]) listener(serverSeq);
      }
      this.startPing();
      this.setState('connected');
    } else if (frame.type === 'resync') {
      const serverSeq = frame.lastSeq;
      if (typeof serverSeq !== 'number') return;
      this.storeSeq(serverSeq);
      for (const listener of [...this.resetListeners]) listener(serverSeq);
    } else if (frame.type === 'event') {
      const seq = frame.seq;
      if (typeof seq !== 'number' || seq <= this.seq) return;
      const event = frame as unknown as AgentEvent;
      for (const listener of [...this.eventListeners]) {
        try {
          listener(event);
        } catch (error) {
          console.error(`agent socket: listener failed on event ${seq} (${String(frame.event)})`, error);
        }
      }
      this.storeSeq(seq);
    }
    // `pong` needs nothing: any frame re-arms the idle timer.
  }

  private scheduleReconnect(): void {
    if (this.current === 'stopped') return;
    this.setState('reconnecting');
    const delay = backoffDelay(this.attempt++, this.opts.minBackoffMs, this.opts.maxBackoffMs);
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private startPing(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.ws?.send(JSON.stringify({ type: 'ping' })), this.opts.pingIntervalMs);
  }

  private armIdleTimer(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      // Silent for too long: the connection is dead even if the browser has not noticed yet.
      this.dropConnection(4000, 'idle');
      this.scheduleReconnect();
    }, this.opts.idleTimeoutMs);
  }

  private dropConnection(code: number, reason: string): void {
    this.clearConnectionTimers();
    const ws = this.ws;
    this.ws = null;
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close(code, reason);
    } catch {
      // already closed
    }
  }

  private clearConnectionTimers(): void {
    clearTimeout(this.idleTimer);
    clearInterval(this.pingTimer);
    this.idleTimer = undefined;
    this.pingTimer = undefined;
  }

  private storeSeq(seq: number): void {
    this.seq = seq;
    try {
      this.opts.storage.setItem(seqStorageKey(this.opts.userId), String(seq));
    } catch {
      // storage full or unavailable: the in-memory value still drives this page's resumes
    }
  }

  private setState(state: ConnectionState): void {
    if (this.current === state) return;
    this.current = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}

function readSeq(storage: SeqStorage, userId: number): number {
  const stored = Number(storage.getItem(seqStorageKey(userId)));
  return Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
}
