// One one-time link, two instances on one database claiming it at the same moment (a person's double
// tap reaching two instances behind a load balancer): exactly one signs in. On PostgreSQL each instance
// has its own pool, so the two UPDATE … RETURNING run at once; and both instances accept one session,
// since the session key is the one row in SharedSecret.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { claimLoginToken, issueLoginToken } from '../../prisma/web-login-tokens.js';
import { readSharedSecret } from '../../prisma/read-shared-secret.js';
import { findPerson } from '../support/find-person.js';
import { startRaceCluster, type RaceCluster } from '../support/race-cluster.js';

let cluster: RaceCluster;
beforeAll(async () => {
  cluster = await startRaceCluster();
});
afterAll(async () => {
  await cluster.close();
});

it('lets one of two instances claiming the same link at once sign the person in', async () => {
  const [one, two] = cluster.instancePrismas as [RaceCluster['prisma'], RaceCluster['prisma']];
  const person = await findPerson(cluster.prisma, 'leader.a');
  const now = cluster.clock.now();
  for (let round = 0; round < 10; round += 1) {
    const token = await issueLoginToken(one, person.id, now);
    const claims = await Promise.all([claimLoginToken(one, token, now), claimLoginToken(two, token, now)]);
    expect(claims.filter((claim) => claim === person.id)).toHaveLength(1);
    expect(claims.filter((claim) => claim === null)).toHaveLength(1);
  }
});

it('gives both instances the same session key when SESSION_SECRET is unset', async () => {
  const [one, two] = cluster.instancePrismas as [RaceCluster['prisma'], RaceCluster['prisma']];
  const keys = await Promise.all([readSharedSecret(one, 'kanban-session', cluster.clock.now()), readSharedSecret(two, 'kanban-session', cluster.clock.now())]);
  expect(keys[0]).toHaveLength(43);
  expect(keys[1]).toBe(keys[0]);
});
