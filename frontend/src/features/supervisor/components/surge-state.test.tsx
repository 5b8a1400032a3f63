import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SurgeState } from './SurgeState';

const pool = ['nur', 'arif', 'lee', 'siti'];

describe('surge in the console bar', () => {
  it('names the standby agents automatic surge called, out of the pool', () => {
    const html = renderToStaticMarkup(<SurgeState surge={{ available: true, active: true, mode: 'auto', called: ['nur', 'lee'] }} pool={pool} />);
    expect(html).toContain('data-active="true"');
    expect(html).toContain('Surge: ON, 2 of 4 standby called (nur, lee)');
  });

  it('says when the whole pool is on, and when surge is off', () => {
    expect(renderToStaticMarkup(<SurgeState surge={{ available: true, active: true, mode: 'on', called: null }} pool={pool} />))
      .toContain('Surge: ON, the whole standby pool');
    const off = renderToStaticMarkup(<SurgeState surge={{ available: true, active: false, mode: 'auto', called: null }} pool={pool} />);
    expect(off).toContain('Surge: off');
    expect(off).toContain('data-active="false"');
  });
});
