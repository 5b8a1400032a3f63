import { describe, expect, it } from 'vitest';
import { offered } from './CardSender';

describe('card sender offers only what the platform supports', () => {
  it('offers every kind the capabilities allow, in a fixed order', () => {
    expect(offered({ image: true, productCard: true, orderCard: true })).toEqual(['image', 'item', 'order']);
  });

  it('offers nothing for a text-only account', () => {
    expect(offered({ image: false, productCard: false, orderCard: false })).toEqual([]);
  });

  it('leaves out what is not supported', () => {
    expect(offered({ image: true, productCard: false, orderCard: true })).toEqual(['image', 'order']);
  });
});
