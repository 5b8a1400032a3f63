import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TableHead } from './TableHead';

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { demo: { 'col.account': 'Account', 'col.health': 'Health', within: 'Within {{minutes}} min' } } },
  lng: 'en',
  ns: ['demo'],
  keySeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = i18n.getFixedT('en', 'demo');

describe('TableHead', () => {
  it('heads each column with its translated key under the prefix, in order, as a column header', () => {
    expect(renderToStaticMarkup(<TableHead t={t} prefix="col." columns={['account', 'health']} />)).toBe(
      '<thead><tr><th scope="col">Account</th><th scope="col">Health</th></tr></thead>',
    );
  });

  it('passes a column its interpolation values', () => {
    expect(renderToStaticMarkup(<TableHead t={t} columns={[['within', { minutes: 5 }], 'col.account']} />)).toBe(
      '<thead><tr><th scope="col">Within 5 min</th><th scope="col">Account</th></tr></thead>',
    );
  });
});
