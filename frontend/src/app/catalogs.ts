import type { Catalog } from '../lib/i18n';

// Every string catalog of the app: one per feature (its folder name is the namespace), `common` for lib/ and
// components/, `app` for the shell. New features only need a locale.ts next to their components.
const modules = import.meta.glob<Catalog>(['../features/*/locale.ts', '../lib/locale.ts', './locale.ts'], {
  eager: true,
  import: 'default',
});

export const catalogs: Record<string, Catalog> = Object.fromEntries(
  Object.entries(modules).map(([path, catalog]) => [namespaceOf(path), catalog]),
);

function namespaceOf(path: string): string {
  const feature = /features\/([^/]+)\/locale\.ts$/.exec(path);
  if (feature) return feature[1];
  return path.startsWith('../lib/') ? 'common' : 'app';
}
