import { describe, expect, it } from 'vitest';
import { entries, fromLines, read, toLines, write } from './rule-document';

describe('rule document editing', () => {
  it('writes nested values, creating objects, and removes with undefined', () => {
    const doc: Record<string, unknown> = {};
    write(doc, ['rules', 'absolute', 'superlative', 'terms', 'en'], ['best', 'cheapest']);
    write(doc, ['policy', 'absolute'], { action: 'block' });
    expect(read(doc, ['rules', 'absolute', 'superlative', 'terms', 'en'])).toEqual(['best', 'cheapest']);
    write(doc, ['policy', 'absolute'], undefined);
    expect(entries(read(doc, ['policy']))).toEqual([]);
  });

  it('turns term lists into lines and back', () => {
    expect(toLines(['最好 => 很好', '^不知道$'])).toBe('最好 => 很好\n^不知道$');
    expect(fromLines(' best \n\n  lowest price\n')).toEqual(['best', 'lowest price']);
  });
});
