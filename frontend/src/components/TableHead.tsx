import type { TFunction } from 'i18next';

/** A column heading: a message key, or a key with the values its message interpolates. */
export type Column = string | readonly [key: string, values: Record<string, unknown>];

/**
 * A table's header row: one `scope="col"` heading per column, in order, each the caller's message
 * `prefix + key` (so a page writes `columns={['account', 'health']}` with `prefix="col."`).
 */
export function TableHead({ t, prefix = '', columns }: { t: TFunction<string>; prefix?: string; columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th key={i} scope="col">
            {typeof column === 'string' ? t(prefix + column) : t(prefix + column[0], column[1])}
          </th>
        ))}
      </tr>
    </thead>
  );
}
