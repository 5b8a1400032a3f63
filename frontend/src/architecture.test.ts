import { describe, expect, it } from 'vitest';

// The layout rules (bulletproof-react): features never import each other (src/app composes them), and
// the shared layers (lib, components) never import a feature or the app.
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

function importsOf(file: string): string[] {
  const specifiers = [...sources[file].matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  const dir = file.split('/').slice(0, -1);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => {
      const parts = [...dir];
      for (const segment of s.split('/')) {
        if (segment === '..') parts.pop();
        else if (segment !== '.') parts.push(segment);
      }
      return parts.join('/');
    });
}

const area = (path: string) => {
  const [, top, name] = path.split('/');
  return top === 'features' ? `features/${name}` : top;
};

describe('source layout', () => {
  const files = Object.keys(sources);

  it('finds the sources', () => {
    expect(files).toContain('./lib/agent-socket.ts');
    expect(files.filter((f) => f.startsWith('./features/')).length).toBeGreaterThan(10);
  });

  it('keeps features independent of each other', () => {
    const crossings = files
      .filter((f) => area(f).startsWith('features/'))
      .flatMap((f) => importsOf(f).map((target) => [f, target] as const))
      .filter(([f, target]) => area(target).startsWith('features/') && area(target) !== area(f))
      .map(([f, target]) => `${f} -> ${target}`);
    expect(crossings).toEqual([]);
  });

  it('keeps lib and components free of features and app', () => {
    const upward = files
      .filter((f) => ['lib', 'components'].includes(area(f)))
      .flatMap((f) => importsOf(f).map((target) => `${f} -> ${target}`))
      .filter((line) => /-> \.\/(features|app)\//.test(line));
    expect(upward).toEqual([]);
  });
});
