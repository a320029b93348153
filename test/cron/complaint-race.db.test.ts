// Two instances chasing complaints at the same moments (cron/chase-complaints.ts): of the two passes,
// the one that claims a complaint FOR UPDATE SKIP LOCKED sends its reminder or escalation, the other
// skips it, so each person gets each step once. On PostgreSQL (scripts/with-postgres.sh) the two use
// separate connection pools and truly overlap; on PGlite they share one connection.
import { expect, it } from 'vitest';
import { importRoster } from '../../bot/roster/import-roster.js';
import { readRosterFile } from '../../bot/roster/read-roster-file.js';
import { chaseComplaints } from '../../cron/chase-complaints.js';
import { openDatabase } from '../../prisma/open-database.js';
import { DEMO_ROSTER } from '../support/harness.js';
import { findPerson } from '../support/find-person.js';
import { outboxRecipients } from '../support/create-people.js';
import { createTestDatabaseLocation } from '../support/test-database.js';

const at = (shanghai: string) => new Date(`${shanghai}+08:00`);
const COMPLAINTS = 40;

it('reminds and escalates each complaint once when two instances race', { timeout: 120_000 }, async () => {
  const { location, remove } = await createTestDatabaseLocation();
  const first = await openDatabase(location);
  const second = first.kind === 'postgres' ? await openDatabase(location) : first;
  try {
    await importRoster(first.prisma, await readRosterFile(DEMO_ROSTER));
    const leader = await findPerson(first.prisma, 'leader.a');
    const contact = await findPerson(first.prisma, 'window');
    for (let index = 1; index <= COMPLAINTS; index += 1) {
      const project = await first.prisma.project.create({ data: { name: `项目${index}`, investmentWan: 10000, leaderId: leader.id } });
      await first.prisma.complaint.create({
        data: {
          projectId: project.id,
          personId: contact.id,
          text: '审批拖延',
          at: at('2026-11-23T10:00:00'),
          replyBy: new Date('2026-12-02T00:00:00Z'),
          remindAt: at('2026-12-02T09:00:00'),
          escalateAt: at('2026-12-03T09:00:00'),
        },
      });
    }

    const steps: number[] = [];
    for (const time of ['2026-12-02T08:59:00', '2026-12-02T09:00:00', '2026-12-02T09:01:00', '2026-12-03T09:00:00', '2026-12-03T09:01:00']) {
      steps.push(...(await Promise.all([chaseComplaints(first.prisma, at(time)), chaseComplaints(second.prisma, at(time))])));
    }
    expect(steps.reduce((sum, count) => sum + count, 0)).toBe(2 * COMPLAINTS);

    const sent = await outboxRecipients(first.prisma);
    const count = (account: string, mark: string) => sent.filter((row) => row.recipient === account && row.text.startsWith(mark)).length;
    // The answerers hear each step of each complaint once; 督查中心 only the escalation.
    for (const account of ['office', 'leader.a']) {
      expect(count(account, '【投诉答复提醒】')).toBe(COMPLAINTS);
      expect(count(account, '【投诉逾期】')).toBe(COMPLAINTS);
    }
    expect(count('inspect', '【投诉答复提醒】')).toBe(0);
    expect(count('inspect', '【投诉逾期】')).toBe(COMPLAINTS);
    expect(sent).toHaveLength(5 * COMPLAINTS);
    expect(await first.prisma.event.count({ where: { kind: 'complaint.reminded' } })).toBe(COMPLAINTS);
    expect(await first.prisma.event.count({ where: { kind: 'complaint.escalated' } })).toBe(COMPLAINTS);
  } finally {
    if (second !== first) await second.close();
    await first.close();
    await remove();
  }
});
