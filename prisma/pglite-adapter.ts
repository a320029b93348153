// pglite-prisma-adapter 0.6 (the last for Prisma 6) declares its types against
// @prisma/driver-adapter-utils 6.10 while Prisma 6.19 expects 6.19's; the runtime contract is
// the same (the whole suite runs through it), only the declared types differ — except one field:
// it reports a PostgreSQL error as `{ kind: 'postgres', code, message }`, and Prisma 6.19 words a
// failed raw query from `originalCode` and `originalMessage` (as @prisma/adapter-pg 6.19 sets
// them), so without them the log says "Raw query failed. Code: `N/A`. Message: `undefined`".
// It also passes its own type parsers with every query, and PGlite merges a query's parsers into a
// copy of its whole type-parser table (a few hundred entries, array types included) for each query:
// registered once on the instance instead, and passed with no query (issue 20).
import type { PGlite, QueryOptions, Transaction } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

/**
 * `onTransaction` is told of each transaction the adapter opens (an interactive `$transaction` holds
 * one open until it ends) and of its end (null): PGlite runs one at a time, so prisma/query-driver.ts
 * can send a statement of the open one straight to it.
 */
export function pgliteAdapter(lite: PGlite, onTransaction?: (tx: Transaction | null) => void): SqlMigrationAwareDriverAdapterFactory {
  return withOriginalMessages(new PrismaPGlite(withParsersOnce(lite, onTransaction)) as unknown as SqlMigrationAwareDriverAdapterFactory);
}

/**
 * `lite`, and the transactions it opens, with each query's `parsers` moved into the instance's table
 * (once: the adapter passes the same constant object each time). The instance's array parsers read
 * their element's parser from that table, so arrays of the adapter's types (int8[], timestamptz[]…)
 * now get its element parser too, as adapter-pg's `pg` parses them.
 */
function withParsersOnce(lite: PGlite, onTransaction?: (tx: Transaction | null) => void): PGlite {
  const registered = new WeakSet<object>();
  const withoutParsers = (options?: QueryOptions): QueryOptions | undefined => {
    if (!options?.parsers) return options;
    if (!registered.has(options.parsers)) {
      Object.assign(lite.parsers, options.parsers);
      registered.add(options.parsers);
    }
    const { parsers: _registered, ...rest } = options;
    return rest;
  };
  const query =
    <Q extends PGlite | Transaction>(target: Q) =>
    (sql: string, params?: unknown[], options?: QueryOptions) =>
      target.query(sql, params, withoutParsers(options));
  return new Proxy(lite, {
    get(object, key) {
      if (key === 'query') return query(object);
      if (key === 'transaction')
        return <T>(run: (tx: Transaction) => Promise<T>) =>
          object.transaction(async (tx) => {
            onTransaction?.(tx);
            try {
              return await run(new Proxy(tx, { get: (inner, name) => (name === 'query' ? query(inner) : Reflect.get(inner, name, inner)) }));
            } finally {
              onTransaction?.(null);
            }
          });
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
}

/** The factory, its adapters and their transactions, with every PostgreSQL error given `originalCode` and `originalMessage`. */
function withOriginalMessages<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(object, args);
        if (!(result instanceof Promise)) return result;
        return result.then(
          (resolved: unknown) => (resolved !== null && typeof resolved === 'object' && 'queryRaw' in resolved ? withOriginalMessages(resolved) : resolved),
          (error: unknown) => {
            const cause = (error as { cause?: Record<string, unknown> }).cause;
            if (cause?.kind === 'postgres' && cause.originalMessage === undefined)
              Object.assign(cause, { originalCode: cause.code, originalMessage: cause.message });
            throw error;
          },
        );
      };
    },
  });
}
