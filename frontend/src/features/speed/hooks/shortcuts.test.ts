import { describe, expect, it } from 'vitest';
import { actionFor, neighbour, SHORTCUTS } from './shortcuts';

const key = (k: string, extra: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean; typing: boolean }> = {}) =>
  actionFor({ key: k, altKey: false, ctrlKey: false, metaKey: false, typing: false, ...extra });

describe('shortcuts', () => {
  it('maps the letters to actions when nobody is typing', () => {
    expect(key('j')).toBe('next');
    expect(key('k')).toBe('previous');
    expect(key('e')).toBe('solve');
    expect(key('t')).toBe('transfer');
    expect(key('q')).toBe('quickReply');
    expect(key('r')).toBe('focusComposer');
    expect(key('/')).toBe('focusSearch');
    expect(key('?')).toBe('help');
    expect(key('x')).toBeNull();
  });

  it('leaves letters alone while typing and to the browser with Ctrl or Cmd', () => {
    expect(key('j', { typing: true })).toBeNull();
    expect(key('?', { typing: true })).toBeNull();
    expect(key('e', { ctrlKey: true })).toBeNull();
    expect(key('k', { metaKey: true })).toBeNull();
  });

  it('moves between chats with Alt and the arrows, even from the composer', () => {
    expect(key('ArrowDown', { altKey: true, typing: true })).toBe('next');
    expect(key('ArrowUp', { altKey: true })).toBe('previous');
    expect(key('j', { altKey: true })).toBeNull();
  });

  it('steps through the list and stops at its ends', () => {
    expect(neighbour([4, 5, 6], null, 1)).toBe(4);
    expect(neighbour([4, 5, 6], null, -1)).toBe(6);
    expect(neighbour([4, 5, 6], 5, 1)).toBe(6);
    expect(neighbour([4, 5, 6], 6, 1)).toBe(6);
    expect(neighbour([4, 5, 6], 4, -1)).toBe(4);
    expect(neighbour([], 4, 1)).toBeNull();
  });

  it('lists every action once in the help sheet', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    expect(new Set(actions).size).toBe(actions.length);
  });
});
