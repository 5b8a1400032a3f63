import type { RuleDocument } from '../types';

/** What each part of the rule editor gets: the draft, whether it may change, and how to change it. */
export interface EditorProps {
  draft: RuleDocument;
  editable: boolean;
  update: (change: (doc: RuleDocument) => void) => void;
}

// Small helpers to edit a rule document (plain JSON) in place on a copy.

type Json = Record<string, unknown>;

export function obj(parent: Json, key: string): Json {
  const v = parent[key];
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  const created: Json = {};
  parent[key] = created;
  return created;
}

export function read(doc: RuleDocument, path: string[]): unknown {
  let at: unknown = doc;
  for (const key of path) {
    if (!at || typeof at !== 'object') return undefined;
    at = (at as Json)[key];
  }
  return at;
}

/** Sets a value at a path (creating objects); undefined removes the key. */
export function write(doc: RuleDocument, path: string[], value: unknown): void {
  let at = doc as Json;
  for (const key of path.slice(0, -1)) at = obj(at, key);
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
}

/** A term list as textarea lines and back (blank lines dropped). */
export const toLines = (v: unknown): string => (Array.isArray(v) ? v.map(String).join('\n') : '');
export const fromLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

export function entries(v: unknown): [string, unknown][] {
  return v && typeof v === 'object' && !Array.isArray(v) ? Object.entries(v as Json) : [];
}
