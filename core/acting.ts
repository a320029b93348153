// What a use case acting for a person gets from the face that called it (handlers/context.ts gives all of it):
// the transaction, the clock, the policy, who acts, and the Event log's append with the actor, role and channel
// filled in. A use case does the transaction's work — locks, reads, writes, events — and returns a coded
// result; it never words a reply nor sends one (docs/architecture.md "Layers").
import type { Tx } from '../prisma/open-database.js';
import type { Policy } from '../domain/policy.js';
import type { Role } from '../domain/roles.js';

export interface Sender {
  id: number;
  name: string;
  unitId: number | null;
  roles: Role[];
}

export interface EventRecord {
  kind: string;
  projectId?: number;
  taskId?: number;
  before?: object;
  after?: object;
}

export interface Acting {
  tx: Tx;
  now: Date;
  policy: Policy;
  sender: Sender;
  /** Appends to the event log with the sender, role and channel filled in. */
  record(event: EventRecord): Promise<void>;
}
