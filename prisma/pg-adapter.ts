// @prisma/adapter-pg 6.19 runs a transaction on one pooled `pg` client, and Prisma's query
// interpreter loads the relations of an `include` (and the chunks of a long `in` list) with
// Promise.all: inside a transaction those queries reach that one client at once. `pg` 8 queues
// them with a deprecation warning ("client is already executing a query"); `pg` 9 refuses them.
// A transaction's statements run one after another on the server anyway, so handing them to the
// client one at a time costs nothing (docs/architecture.md "Toolchain notes").
import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';

/** `pool` is shared with prisma/query-driver.ts, and ended when Prisma disconnects. */
export function pgAdapter(pool: pg.Pool): SqlMigrationAwareDriverAdapterFactory {
  return wrapMethod(new PrismaPg(pool, { disposeExternalPool: true }), 'connect', (adapter: SqlDriverAdapter) =>
    wrapMethod(adapter, 'startTransaction', oneStatementAtATime),
  );
}

/** The transaction with its statements, commit and rollback queued: each starts when the one before has settled. */
function oneStatementAtATime(transaction: Transaction): Transaction {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = (run: () => Promise<unknown>): Promise<unknown> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
  return new Proxy(transaction, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (key === 'queryRaw' || key === 'executeRaw' || key === 'commit' || key === 'rollback')
        return (...args: unknown[]) => inTurn(() => value.apply(target, args) as Promise<unknown>);
      return value.bind(target);
    },
  });
}

/** `target` whose async method `name` resolves to `wrap(result)`; every other member as it is. */
function wrapMethod<T extends object, R>(target: T, name: string, wrap: (result: R) => R): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof value !== 'function') return value;
      if (key !== name) return value.bind(object);
      return (...args: unknown[]) => (value.apply(object, args) as Promise<R>).then(wrap);
    },
  });
}
