// When several text notices to one account are due at once (they pile up while a platform paces
// the person, or a change notifies one person of many things), they become one message. The merged
// message is a new outbox row; the originals point at it, so a retry resends exactly the same text.
import type { Tx } from '../../prisma/open-database.js';
import type { OutgoingMessage } from '../../core/messages.js';
import { bundleLockedRows } from '../../prisma/outbox-store.js';
import type { DueRow } from './due-row.js';

const SEPARATOR = '\n\n';
const encoder = new TextEncoder();

/** Returns the rows to send for one account, with runs of fresh text notices merged up to `maxBytes`. */
export async function bundleNotices(tx: Tx, rows: DueRow[], maxBytes: number): Promise<DueRow[]> {
  const result: DueRow[] = [];
  let run: DueRow[] = [];
  const flush = async (): Promise<void> => {
    if (run.length > 1) result.push(await merge(tx, run));
    else result.push(...run);
    run = [];
  };
  for (const row of rows) {
    // A row tried before keeps its exact text: its first try may have reached the person.
    const text = row.attempts === 0 && row.kind === 'text' ? (row.payload as OutgoingMessage & { kind: 'text' }).text : undefined;
    if (text === undefined) {
      await flush();
      result.push(row);
      continue;
    }
    const joined = [...run.map(textOf), text].join(SEPARATOR);
    if (run.length > 0 && encoder.encode(joined).length > maxBytes) await flush();
    run.push(row);
  }
  await flush();
  return result;
}

async function merge(tx: Tx, rows: DueRow[]): Promise<DueRow> {
  const payload: OutgoingMessage = { kind: 'text', text: rows.map(textOf).join(SEPARATOR) };
  const id = await bundleLockedRows(tx, rows, payload);
  return { ...rows[0]!, id, payload, dedupKey: null };
}

function textOf(row: DueRow): string {
  return (row.payload as { text: string }).text;
}
