// pglite-prisma-adapter 0.6 (the last for Prisma 6) declares its types against
// @prisma/driver-adapter-utils 6.10 while Prisma 6.19 expects 6.19's; the runtime contract is
// the same (the whole suite runs through it), only the declared types differ — except one field:
// it reports a PostgreSQL error as `{ kind: 'postgres', code, message }`, and Prisma 6.19 words a
// failed raw query from `originalCode` and `originalMessage` (as @prisma/adapter-pg 6.19 sets
// them), so without them the log says "Raw query failed. Code: `N/A`. Message: `undefined`".
import type { PGlite } from '@electric-sql/pglite';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';

export function pgliteAdapter(lite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  return withOriginalMessages(new PrismaPGlite(lite) as unknown as SqlMigrationAwareDriverAdapterFactory);
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
