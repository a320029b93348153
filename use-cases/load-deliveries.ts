// What the bot sent the project's enterprise contacts, and when it reached them (送达 in 一事一档,
// 002 五(十)): the outbox notices to everyone who was bound to the project. Replies to the contact's
// own commands are left out. The outbox carries no project, and one contact may hold several
// projects, so a notice counts for this project when its text names it (every notice to the
// enterprise does: "P12 …" or "（P12）"). A notice bundled with others, or split for the platform,
// is delivered when the message that carried it was (bot/outbox/bundle-notices.ts,
// bot/outbox/claim-due-rows.ts).
import type { Outbox } from '../generated/prisma/client.js';
import type { Tx } from '../prisma/open-database.js';
import type { DeliveryState } from '../domain/archive/describe-delivery.js';

export interface Delivery {
  personId: number;
  text: string;
  state: DeliveryState;
  /** When it was delivered; when it was queued if it has not been. */
  at: Date;
  platform: string | null;
}

type Carrier = Pick<Outbox, 'status' | 'sentAt' | 'platform'>;

export async function loadDeliveries(tx: Tx, projectId: number, contactIds: readonly number[]): Promise<Delivery[]> {
  if (contactIds.length === 0) return [];
  const rows = await tx.outbox.findMany({ where: { personId: { in: [...contactIds] }, reply: false, splitFromId: null }, orderBy: { id: 'asc' } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const parts = await tx.outbox.findMany({ where: { splitFromId: { in: rows.filter((row) => row.status === 'split').map((row) => row.id) } } });
  // A bundle's own row repeats the texts of the notices it carries: each notice is listed once.
  const bundles = new Set(rows.flatMap((row) => (row.bundledIntoId === null ? [] : [row.bundledIntoId])));
  const names = new RegExp(`P${projectId}(?!\\d)`);

  const outcome = (row: Outbox): { state: DeliveryState; sentAt: Date | null; platform: string | null } => {
    const carrier = row.status === 'bundled' && row.bundledIntoId !== null ? byId.get(row.bundledIntoId) : row;
    if (!carrier) return { state: 'pending', sentAt: null, platform: row.platform };
    if (carrier.status !== 'split') return { ...stateOf(carrier), platform: carrier.platform };
    const pieces = parts.filter((part) => part.splitFromId === carrier.id).map(stateOf);
    const state = pieces.some((piece) => piece.state === 'failed') ? 'failed' : pieces.every((piece) => piece.state === 'sent') ? 'sent' : 'pending';
    const last = pieces.map((piece) => piece.sentAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
    return { state, sentAt: state === 'sent' ? new Date(last) : null, platform: carrier.platform };
  };

  return rows.flatMap((row) => {
    const text = (row.payload as { text?: unknown }).text;
    if (bundles.has(row.id) || row.personId === null || typeof text !== 'string' || !names.test(text)) return [];
    const { state, sentAt, platform } = outcome(row);
    return [{ personId: row.personId, text, state, at: sentAt ?? row.createdAt, platform }];
  });
}

function stateOf(row: Carrier): { state: DeliveryState; sentAt: Date | null } {
  if (row.status === 'sent') return { state: 'sent', sentAt: row.sentAt };
  return { state: row.status === 'failed' ? 'failed' : 'pending', sentAt: null };
}
