// 绑定 <绑定码>: the only command open to people outside the roster. A valid code links the sender as the
// project's enterprise contact (企业联络员, 002 五(五)); wrong codes are throttled to policy.bindFailuresPerHour
// per sender and, since a guess names no project and senders can be invented, to policy.bindFailuresPerHourAll
// across all senders — every live code's budget. handlers/enterprise/bind-contact.ts words every answer so that
// a stranger learns nothing about projects, and sends the materials told before anyone was bound.
import type { Project } from '../generated/prisma/client.js';
import type { Sender } from '../core/acting.js';
import type { Policy } from '../domain/policy.js';
import type { Tx } from '../prisma/open-database.js';
import { checkBindCode } from '../domain/enterprise/bind-code.js';
import { findPeople } from '../core/recipients/find-people.js';
import { lockProject } from '../prisma/lock-rows.js';
import { readMaterialNotices, type MaterialNotice } from './read-material-notices.js';

const HOUR_MS = 60 * 60 * 1000;

/** Who binds: the sender if in the roster, and the account they wrote from. */
export interface Binding {
  tx: Tx;
  now: Date;
  policy: Policy;
  sender: Sender | null;
  platform: string;
  account: string;
}

export type BindResult =
  | { kind: 'throttled' }
  | { kind: 'paused'; failures: number; coordinatorIds: number[] }
  | { kind: 'wrong' }
  | { kind: 'used' }
  | { kind: 'bound'; person: { id: number; name: string }; project: Project; notices: MaterialNotice[] };

/** `code`: the six digits typed, or undefined when none could be read. */
export async function bindContact(binding: Binding, code: string | undefined): Promise<BindResult> {
  const { tx, now, policy, platform, account } = binding;
  const senderKey = `${platform}:${account}`;
  const since = new Date(now.getTime() - HOUR_MS);
  const failures = await tx.bindAttempt.count({ where: { sender: senderKey, ok: false, at: { gt: since } } });
  if (failures >= policy.bindFailuresPerHour) return { kind: 'throttled' };
  const allFailures = await tx.bindAttempt.count({ where: { ok: false, at: { gt: since } } });
  if (allFailures >= policy.bindFailuresPerHourAll) {
    const coordinators = [...(await findPeople(tx, 'window')), ...(await findPeople(tx, 'project_office'))];
    return { kind: 'paused', failures: allFailures, coordinatorIds: coordinators.map((person) => person.id) };
  }

  const row = code ? await tx.bindCode.findFirst({ where: { code }, orderBy: { id: 'desc' } }) : null;
  const check = row ? checkBindCode(row, now) : null;
  // Only a code that does not exist is a guess; a real one already used or expired counts toward no limit, so
  // contacts retrying an old code (or two racing with one) never pause binding for everyone.
  await tx.bindAttempt.create({ data: { sender: senderKey, at: now, ok: row !== null } });
  if (!row || !check?.ok) return check?.ok === false && check.code === 'BIND_CODE_USED' ? { kind: 'used' } : { kind: 'wrong' };

  // The project first (prisma/lock-rows.ts), then the code consumed only while still unused:
  // of two binds racing with one code exactly one wins (docs/architecture.md "Several instances").
  await lockProject(tx, row.projectId);
  const consumed = await tx.bindCode.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (consumed.count === 0) return { kind: 'used' };
  const project = await tx.project.findUniqueOrThrow({ where: { id: row.projectId } });
  const person = await contactPerson(binding, project);
  await tx.bindCode.update({ where: { id: row.id }, data: { usedById: person.id } });
  await tx.project.update({ where: { id: project.id }, data: { contactPersonId: person.id } });
  await tx.event.create({
    data: {
      at: now,
      actorId: person.id,
      actorRole: 'enterprise',
      channel: platform,
      kind: 'project.contact_bound',
      projectId: project.id,
      before: { contactPersonId: project.contactPersonId },
      after: { contactPersonId: person.id },
    },
  });
  return { kind: 'bound', person, project, notices: await readMaterialNotices(tx, project.id) };
}

/**
 * The person behind the account the code came from: the sender; or, for an account the roster left
 * (deactivated by a reload) or an earlier contact's, the same person back as a contact only — an
 * account belongs to one person, so a second person would never save; else a new contact.
 */
async function contactPerson({ tx, now, sender, platform, account }: Binding, project: Project): Promise<{ id: number; name: string }> {
  if (sender) {
    if (sender.roles.includes('enterprise')) return sender;
    return tx.person.update({ where: { id: sender.id }, data: { roles: { push: 'enterprise' } } });
  }
  const known = await tx.account.findUnique({ where: { platform_account: { platform, account } } });
  if (known) return tx.person.update({ where: { id: known.personId }, data: { active: true, roles: ['enterprise'] } });
  return tx.person.create({
    data: {
      name: project.contactName || '企业联络员',
      mobile: project.contactMobile,
      roles: ['enterprise'],
      // The account they wrote from is how the bot reaches them from now on.
      accounts: { create: { platform, account, lastSeenAt: now } },
    },
  });
}
