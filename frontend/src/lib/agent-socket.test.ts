import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AgentSocket,
  backoffDelay,
  seqStorageKey,
  socketUrl,
  TOO_SLOW_CLOSE_CODE,
  type WebSocketLike,
} from './agent-socket';
import type { AgentEvent } from './api-types';

/** Stands in for the browser's WebSocket: records what the client sends, lets the test play the server. */
class FakeWebSocket implements WebSocketLike {
  static instances: FakeWebSocket[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason?: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly sent: unknown[] = [];
  closedByClient = false;

  constructor(readonly url: string) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }

  close(): void {
    this.closedByClient = true;
  }

  // --- the server's side
  open(): void {
    this.onopen?.({});
  }

  receive(frame: unknown): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }

  serverClose(code = 1006): void {
    this.onclose?.({ code });
  }

  static last(): FakeWebSocket {
    return FakeWebSocket.instances[FakeWebSocket.instances.length - 1];
  }
}

class MemoryStorage {
  readonly map = new Map<string, string>();
  getItem(key: string): string | null {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.map.set(key, value);
  }
}

function event(seq: number, conversationId = 1): unknown {
  return {
    type: 'event',
    seq,
    event: 'message.status',
    at: '2026-11-23T14:02:11Z',
    data: { conversationId, messageId: seq, status: 'sent', error: null },
  };
}

function newSocket(storage = new MemoryStorage(), onUnauthorized?: () => void) {
  const socket = new AgentSocket({
    token: 'jwt-1',
    userId: 3,
    url: 'ws://test/ws',
    WebSocketImpl: FakeWebSocket,
    storage,
    onUnauthorized,
  });
  const received: AgentEvent[] = [];
  const states: string[] = [];
  socket.onEvent((e) => received.push(e));
  socket.onState((s) => states.push(s));
  return { socket, received, states, storage };
}

/** A MemoryStorage holding `seq` as user 3's persisted position. */
function storedSeq(seq: number): MemoryStorage {
  const storage = new MemoryStorage();
  storage.setItem(seqStorageKey(3), String(seq));
  return storage;
}

/** newSocket, started, with its connection open; `resets` collects the seqs it starts over from. */
function openSocket(storage = new MemoryStorage()) {
  const parts = newSocket(storage);
  const resets: number[] = [];
  parts.socket.onReset((seq) => resets.push(seq));
  parts.socket.start();
  const ws = FakeWebSocket.last();
  ws.open();
  return { ...parts, ws, resets };
}

describe('AgentSocket', () => {
  beforeEach(() => {
    FakeWebSocket.instances = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('authenticates with the token and lastSeq 0 on a first connect, and is connected after hello', () => {
    const { socket, states } = newSocket();
    socket.start();
    const ws = FakeWebSocket.last();
    expect(ws.url).toBe('ws://test/ws');
    ws.open();
    expect(ws.sent).toEqual([{ type: 'auth', token: 'jwt-1', lastSeq: 0 }]);
    expect(socket.state).toBe('connecting');
    ws.receive({ type: 'hello', userId: 3, lastSeq: 0 });
    expect(socket.state).toBe('connected');
    expect(states).toEqual(['connecting', 'connected']);
  });

  it('resumes a page reload from the seq persisted for this user', () => {
    const storage = new MemoryStorage();
    storage.setItem(seqStorageKey(3), '41');
    storage.setItem(seqStorageKey(4), '99');
    const { socket } = newSocket(storage);
    socket.start();
    FakeWebSocket.last().open();
    expect(FakeWebSocket.last().sent[0]).toEqual({ type: 'auth', token: 'jwt-1', lastSeq: 41 });
  });

  it('delivers events in order, persists the highest seq and ignores duplicates and old ones', () => {
    const { socket, received, storage, ws } = openSocket();
    ws.receive({ type: 'hello', userId: 3, lastSeq: 2 });
    ws.receive(event(1));
    ws.receive(event(2));
    ws.receive(event(2));
    ws.receive(event(1));
    ws.receive(event(3));
    expect(received.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(socket.lastSeq).toBe(3);
    expect(storage.getItem(seqStorageKey(3))).toBe('3');
  });

  it('reconnects after a close with backoff 0.5 s doubling to 10 s, and resumes with its lastSeq', () => {
    const { socket, received, states } = newSocket();
    socket.start();
    let ws = FakeWebSocket.last();
    ws.open();
    ws.receive({ type: 'hello', userId: 3, lastSeq: 0 });
    ws.receive(event(1));
    ws.receive(event(2));

    ws.serverClose(1006);
    expect(socket.state).toBe('reconnecting');
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(499);
    expect(FakeWebSocket.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(2);

    // the server is still down: the next attempts wait 1 s, 2 s, ...
    FakeWebSocket.last().serverClose(1006);
    vi.advanceTimersByTime(999);
    expect(FakeWebSocket.instances).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(FakeWebSocket.instances).toHaveLength(3);

    ws = FakeWebSocket.last();
    ws.open();
    expect(ws.sent[0]).toEqual({ type: 'auth', token: 'jwt-1', lastSeq: 2 });
    ws.receive({ type: 'hello', userId: 3, lastSeq: 4 });
    ws.receive(event(2)); // already processed before the drop
    ws.receive(event(3));
    ws.receive(event(4));
    expect(received.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(states).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);

    // a successful hello resets the backoff to 0.5 s
    ws.serverClose(1001);
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('caps the backoff at 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((n) => backoffDelay(n))).toEqual([
      500, 1000, 2000, 4000, 8000, 10000, 10000, 10000,
    ]);
  });

  it('reconnects when the connection goes silent, and pings while connected', () => {
    const { socket, ws } = openSocket();
    ws.receive({ type: 'hello', userId: 3, lastSeq: 0 });
    vi.advanceTimersByTime(20_000);
    expect(ws.sent).toContainEqual({ type: 'ping' });
    vi.advanceTimersByTime(25_000);
    expect(ws.closedByClient).toBe(true);
    expect(socket.state).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('stops and reports when the server refuses the token', () => {
    const onUnauthorized = vi.fn();
    const { socket } = newSocket(new MemoryStorage(), onUnauthorized);
    socket.start();
    FakeWebSocket.last().open();
    FakeWebSocket.last().serverClose(4401);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(socket.state).toBe('stopped');
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('does not reconnect after stop()', () => {
    const { socket, ws } = openSocket();
    socket.stop();
    expect(ws.closedByClient).toBe(true);
    ws.serverClose(1000);
    vi.advanceTimersByTime(60_000);
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(socket.state).toBe('stopped');
  });

  it('starts over from the server seq when the server log is behind the stored seq', () => {
    const { received, resets, ws } = openSocket(storedSeq(50));
    ws.receive({ type: 'hello', userId: 3, lastSeq: 0 });
    ws.receive(event(1));
    expect(resets).toEqual([0]);
    expect(received.map((e) => e.seq)).toEqual([1]);
  });

  it('reloads state on resync and continues from the seq the server gives', () => {
    const { received, resets, storage, ws } = openSocket(storedSeq(7));
    expect(ws.sent[0]).toEqual({ type: 'auth', token: 'jwt-1', lastSeq: 7 });
    ws.receive({ type: 'hello', userId: 3, lastSeq: 900 });
    expect(resets).toEqual([]);
    ws.receive({ type: 'resync', lastSeq: 900, oldestSeq: 500 });
    expect(resets).toEqual([900]);
    expect(storage.getItem(seqStorageKey(3))).toBe('900');
    ws.receive(event(899));
    ws.receive(event(901));
    expect(received.map((e) => e.seq)).toEqual([901]);
  });

  it('reconnects from its last seq when the server closes it for being too slow (4408)', () => {
    const { socket } = newSocket();
    socket.start();
    let ws = FakeWebSocket.last();
    ws.open();
    ws.receive({ type: 'hello', userId: 3, lastSeq: 0 });
    ws.receive(event(5));
    ws.serverClose(TOO_SLOW_CLOSE_CODE);
    expect(socket.state).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    ws = FakeWebSocket.last();
    expect(FakeWebSocket.instances).toHaveLength(2);
    ws.open();
    expect(ws.sent[0]).toEqual({ type: 'auth', token: 'jwt-1', lastSeq: 5 });
  });

  it('builds the socket URL from the page location', () => {
    expect(socketUrl({ protocol: 'http:', host: 'localhost:5173' })).toBe('ws://localhost:5173/ws');
    expect(socketUrl({ protocol: 'https:', host: 'inbox.example.com' })).toBe('wss://inbox.example.com/ws');
  });
});
