import { describe, expect, it } from 'vitest';
import type { ReplyFinding } from '../types';
import { applyFix, insertAt, segments, slashToken } from './draft';

const finding = (start: number, end: number, matched: string, extra: Partial<ReplyFinding> = {}): ReplyFinding => ({
  rule: 'absolute',
  group: 'superlative',
  label: 'Absolute terms',
  term: matched,
  language: 'zh',
  start,
  end,
  matched,
  action: 'block',
  overridable: true,
  fix: null,
  hint: null,
  ...extra,
});

describe('segments', () => {
  it('cuts the text around the findings', () => {
    const text = '这是全网最低价，你想怎样';
    const parts = segments(text, [finding(4, 7, '最低价'), finding(8, 12, '你想怎样', { action: 'warn' })]);
    expect(parts.map((p) => p.text)).toEqual(['这是全网', '最低价', '，', '你想怎样']);
    expect(parts[1].finding?.action).toBe('block');
    expect(parts[3].finding?.action).toBe('warn');
  });

  it('ignores stale offsets, overlaps and the whole-text repeated finding', () => {
    const parts = segments('best price', [
      finding(0, 4, 'best'),
      finding(2, 6, 'st p'),
      finding(0, 10, 'best price', { rule: 'repeated' }),
      finding(5, 40, 'gone'),
    ]);
    expect(parts.map((p) => p.text)).toEqual(['best', ' price']);
  });
});

describe('applyFix', () => {
  it('replaces the matched words by the suggestion', () => {
    expect(applyFix('这是最好的', finding(2, 4, '最好', { fix: '很好' }))).toBe('这是很好的');
  });

  it('refuses when the text changed since the check', () => {
    expect(applyFix('这是的最好', finding(2, 4, '最好', { fix: '很好' }))).toBeNull();
    expect(applyFix('这是最好的', finding(2, 4, '最好'))).toBeNull();
  });
});

describe('slashToken', () => {
  it('finds a shortcut being typed at the start or after a blank', () => {
    expect(slashToken('/ref', 4)).toEqual({ start: 0, end: 4, query: 'ref' });
    expect(slashToken('Hello /Track', 12)).toEqual({ start: 6, end: 12, query: 'track' });
    expect(slashToken('/', 1)).toEqual({ start: 0, end: 1, query: '' });
  });

  it('ignores slashes inside words and urls', () => {
    expect(slashToken('and/or', 6)).toBeNull();
    expect(slashToken('https://x.y/track', 17)).toBeNull();
    expect(slashToken('/refund now', 11)).toBeNull();
  });

  it('inserts the quick reply in place of the shortcut', () => {
    const token = slashToken('Hi /thx', 7)!;
    expect(insertAt('Hi /thx', token, 'Thank you!')).toEqual({ text: 'Hi Thank you!', caret: 13 });
  });
});
