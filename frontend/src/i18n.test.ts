import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogs } from './app/catalogs';
import { initialLanguage, type Catalog } from './lib/i18n';

// Every string of the web app is in a catalog and has its Simplified Chinese text. The source scan finds
// text written straight into the markup (JSX text, or a literal placeholder/title/aria-label/alt), which
// would never be translated.

const sources = import.meta.glob<string>(['./**/*.tsx', '!./**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });
const code = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Words that are the same in every language: product and platform names, codes. */
const SAME_EVERYWHERE = /\b(Unibox|Shopee|Lazada|TikTok|SLA|JSON|API|ID|URL|App|key|secret|partner|id|shopCipher|config\/quality|absolute\.time_limited|shop_words|after_sale|buyerName|orderNumber|shopName|trackingLink|Enter|Shift|s|d|h|m)\b/g;
const CJK = /[\u3400-\u9fff\uff01-\uff5e]/;
const VISIBLE_ATTRIBUTES = new Set(['placeholder', 'title', 'aria-label', 'alt', 'label']);

function untranslated(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(catalog.en)) {
    const chinese = (catalog['zh-CN'] as Record<string, string>)[key];
    if (chinese === undefined || chinese.trim() === '') {
      problems.push(`${key}: no Chinese text`);
      continue;
    }
    const words = english.replace(/\{\{\w+\}\}/g, '').replace(SAME_EVERYWHERE, '');
    if (/[A-Za-z]{2,}/.test(words) && !CJK.test(chinese)) problems.push(`${key}: "${chinese}" is not Chinese`);
  }
  for (const key of Object.keys(catalog['zh-CN'])) {
    if (!(key in catalog.en)) problems.push(`${key}: Chinese text without English`);
  }
  return problems;
}

/** Words of a language, not a product name or a machine code such as "after_sale" or "mon-sun". */
function isLanguage(text: string): boolean {
  const rest = text.replace(SAME_EVERYWHERE, '').trim();
  if (/^[a-z0-9_:-]+$/.test(rest)) return false;
  return /[A-Za-z]{2,}|[\u3400-\u9fff]/.test(rest);
}

function hardCodedText(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && isLanguage(node.text.replace(/&[a-z]+;/g, ''))) {
      found.push(`${file}: text "${node.text.trim()}"`);
    }
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isStringLiteral(node.initializer)
        ? node.initializer.text
        : ts.isJsxExpression(node.initializer) && node.initializer.expression && ts.isStringLiteral(node.initializer.expression)
          ? node.initializer.expression.text
          : null;
      if (value && isLanguage(value)) found.push(`${file}: ${node.name.getText()}="${value}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The literal column keys of a `<TableHead prefix="…" columns={[…]} />`, prefixed as TableHead does. */
function tableHeadKeys(node: ts.JsxSelfClosingElement): string[] {
  const attribute = (name: string) =>
    node.attributes.properties.find((a): a is ts.JsxAttribute => ts.isJsxAttribute(a) && a.name.getText() === name);
  const prefix = attribute('prefix')?.initializer;
  const columns = attribute('columns')?.initializer;
  if (!columns || !ts.isJsxExpression(columns) || !columns.expression || !ts.isArrayLiteralExpression(columns.expression)) {
    return [];
  }
  const start = prefix && ts.isStringLiteral(prefix) ? prefix.text : '';
  return columns.expression.elements.flatMap((column) => {
    const key = ts.isArrayLiteralExpression(column) ? column.elements[0] : column;
    return key && ts.isStringLiteral(key) ? [start + key.text] : [];
  });
}

/** Literal keys passed to t() or to a TableHead that no catalog holds (they would show as the raw key). */
function unknownKeys(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const defaultNs = /useTranslation\(\[?'([\w-]+)'/.exec(source)?.[1] ?? 'common';
  const missing: string[] = [];
  const check = (literal: string) => {
    const [ns, key] = literal.includes(':') ? literal.split(':', 2) : [defaultNs, literal];
    if (!(key in (catalogs[ns]?.en ?? {}))) missing.push(`${file}: ${ns}:${key}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression.getText();
      if (callee === 't' || callee === 'i18n.t') check(node.arguments[0].text);
    }
    if (ts.isJsxSelfClosingElement(node) && node.tagName.getText() === 'TableHead') tableHeadKeys(node).forEach(check);
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return missing;
}

describe('translations', () => {
  it('finds the catalogs of the app, lib and every feature', () => {
    expect(Object.keys(catalogs)).toEqual(expect.arrayContaining(['common', 'app', 'inbox', 'conversation', 'composer', 'quality']));
  });

  it('has a Chinese text for every English string', () => {
    const problems = Object.entries(catalogs).flatMap(([ns, catalog]) => untranslated(catalog).map((p) => `${ns}:${p}`));
    expect(problems).toEqual([]);
  });

  it('notices a missing Chinese text', () => {
    const broken = { en: { hello: 'Hello there' }, 'zh-CN': { hello: 'Hello there' } } as Catalog;
    expect(untranslated(broken)).toEqual(['hello: "Hello there" is not Chinese']);
    expect(untranslated({ en: { a: 'Save' }, 'zh-CN': {} } as unknown as Catalog)).toEqual(['a: no Chinese text']);
  });

  it('keeps every user-visible string of the markup in a catalog', () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(30);
    expect(files.flatMap((f) => hardCodedText(f, sources[f]))).toEqual([]);
  }, 60_000);

  it('has every key the code asks for', () => {
    expect(Object.keys(code).flatMap((f) => unknownKeys(f, code[f]))).toEqual([]);
    expect(unknownKeys('x.tsx', "useTranslation('inbox'); t('title'); t('nope'); i18n.t('common:retry');")).toEqual(['x.tsx: inbox:nope']);
    expect(
      unknownKeys('x.tsx', "useTranslation('inbox'); <TableHead t={t} prefix=\"col.\" columns={['nope', ['gone', { n: 1 }]]} />;"),
    ).toEqual(['x.tsx: inbox:col.nope', 'x.tsx: inbox:col.gone']);
  }, 60_000);

  it('notices text written straight into the markup', () => {
    expect(hardCodedText('x.tsx', 'const a = <p title="Hello">Save now</p>;')).toEqual([
      'x.tsx: title="Hello"',
      'x.tsx: text "Save now"',
    ]);
  });

  it('starts in the saved language, else Chinese for a Chinese browser, else English', () => {
    const saved = (value: string | null) => ({ getItem: () => value });
    expect(initialLanguage(saved('en'), ['zh-CN'])).toBe('en');
    expect(initialLanguage(saved(null), ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLanguage(saved('xx'), ['th-TH'])).toBe('en');
  });
});
