// Upserts the roster (the shape of the list attached to 004) at every start. A bad row is
// reported with its line number and skipped; good rows still load. Roster people missing from
// the file are deactivated (kept for the archive); enterprise contacts are not roster people.
// A person needs an account on at least one platform — a column each platform declares
// (bot/platforms.ts: 企业微信账号, 钉钉账号); each becomes an Account, and so does a local-chat
// account named like the first of them. Several instances starting at once import under one
// advisory lock, so they never race on the unique keys.
import { z } from 'zod';
import type { Db } from '../../prisma/open-database.js';
import { listPlatforms } from '../platforms.js';
import { roleFromName, type Role } from '../../domain/roles.js';
import { unitKey } from '../../domain/unit-key.js';
import type { RosterRow } from './read-roster-file.js';

/** The platforms people get accounts on from a column of their own, in order of preference. */
function accountColumns() {
  return listPlatforms().flatMap((platform) =>
    platform.rosterColumn ? [{ platform: platform.name, ...platform.rosterColumn, pattern: platform.accountPattern }] : [],
  );
}

/** The roster's row shape; the account columns are the registered platforms'. */
function rowSchema(columns: ReturnType<typeof accountColumns>) {
  const accounts = Object.fromEntries(
    columns.map((column) => [column.header, z.union([z.literal(''), z.string().regex(column.pattern, column.problem)]).default('')]),
  );
  return z
    .object({
      姓名: z.string().min(1, '缺少姓名'),
      单位: z.string().min(1, '缺少单位'),
      角色: z.string().min(1, '缺少角色'),
      手机: z.union([z.literal(''), z.string().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位')]).default(''),
      // The unit's number the enterprise can call (进度); optional, a landline with its area code or a mobile.
      办公电话: z.union([z.literal(''), z.string().regex(/^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9})$/, '办公电话应为 0878-6221234 这样的号码')]).default(''),
      ...accounts,
    })
    .refine(
      (row) => columns.some((column) => (row as Record<string, unknown>)[column.header] !== ''),
      `${columns.map((column) => column.header).join('和')}至少填一个`,
    );
}

/** An advisory-lock key of our own (any constant unique to the roster import). */
const ROSTER_LOCK = 7_301_001;

export interface RosterReport {
  loaded: number;
  deactivated: number;
  problems: { line: number; reason: string }[];
}

/** `sha256` of the file, recorded so an unchanged file is not imported again. */
export async function importRoster(prisma: Db, rows: RosterRow[], sha256?: string): Promise<RosterReport> {
  const problems: RosterReport['problems'] = [];
  const columns = accountColumns();
  const schema = rowSchema(columns);
  const mirrors = listPlatforms().filter((platform) => platform.mirrorsRosterAccounts);
  const people: {
    accounts: { platform: string; account: string }[];
    name: string;
    unit: string;
    roles: Role[];
    mobile: string | null;
    officePhone: string;
  }[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.cells);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: parsed.error.issues.map((issue) => issue.message).join('；') });
      continue;
    }
    const names = parsed.data.角色.split(/[、,，/;；\s]+/).filter(Boolean);
    const roles = names.map(roleFromName);
    const unknown = names.filter((_, index) => !roles[index] || roles[index] === 'enterprise');
    if (unknown.length > 0) {
      problems.push({ line: row.line, reason: `未知角色：${unknown.join('、')}` });
      continue;
    }
    const cells = parsed.data as Record<string, string>;
    const own = columns.filter((column) => cells[column.header]).map((column) => ({ platform: column.platform, account: cells[column.header]! }));
    const accounts = [...own, ...mirrors.map((platform) => ({ platform: platform.name, account: own[0]!.account }))];
    const clash = accounts.find((account) =>
      people.some((person) => person.accounts.some((other) => other.platform === account.platform && other.account === account.account)),
    );
    if (clash) {
      problems.push({ line: row.line, reason: `账号 ${clash.account} 重复` });
      continue;
    }
    const { 姓名: name, 单位: unit, 手机: mobile, 办公电话: officePhone } = parsed.data;
    people.push({ accounts, name, unit, roles: roles as Role[], mobile: mobile || null, officePhone });
  }
  // Rows that were skipped keep their people active: a typo must not lock someone out.
  const skipped = rows
    .filter((row) => problems.some((problem) => problem.line === row.line))
    .flatMap((row) => columns.map((column) => row.cells[column.header]).filter((cell): cell is string => Boolean(cell)));

  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ROSTER_LOCK})`;
      const unitIds = new Map<string, number>();
      for (const name of new Set(people.map((person) => person.unit))) {
        const key = unitKey(name);
        // The first 办公电话 given on the unit's rows; none given clears it.
        const officePhone = people.find((person) => person.unit === name && person.officePhone)?.officePhone ?? null;
        const unit = await tx.unit.upsert({ where: { key }, create: { name, key, officePhone }, update: { officePhone } });
        unitIds.set(name, unit.id);
      }
      const kept: number[] = [];
      for (const person of people) {
        const data = { name: person.name, unitId: unitIds.get(person.unit)!, roles: person.roles, mobile: person.mobile, active: true };
        // 同步通讯录 may have given a person their real account, found by mobile: found by mobile, kept.
        const known = await tx.account.findFirst({
          where: { OR: person.accounts.filter((account) => !mirrors.some((platform) => platform.name === account.platform)) },
          select: { personId: true },
        });
        const existing = known
          ? { id: known.personId }
          : person.mobile
            ? await tx.person.findFirst({ where: { mobile: person.mobile, NOT: { roles: { has: 'enterprise' } } }, select: { id: true } })
            : null;
        const saved = existing ? await tx.person.update({ where: { id: existing.id }, data }) : await tx.person.create({ data });
        for (const { platform, account } of person.accounts) {
          const linked = await tx.account.findUnique({ where: { personId_platform: { personId: saved.id, platform } } });
          // An account the directory sync corrected stays as it is; a new platform account is added.
          if (linked) continue;
          await tx.account.deleteMany({ where: { platform, account } });
          await tx.account.create({ data: { platform, account, personId: saved.id } });
        }
        kept.push(saved.id);
      }
      const skippedIds = (await tx.account.findMany({ where: { account: { in: skipped } }, select: { personId: true } })).map((row) => row.personId);
      const { count: deactivated } = await tx.person.updateMany({
        where: { active: true, id: { notIn: [...kept, ...skippedIds] }, NOT: { roles: { has: 'enterprise' } } },
        data: { active: false },
      });
      await tx.event.create({
        data: {
          channel: 'system',
          kind: 'roster.imported',
          after: { loaded: people.length, deactivated, skippedLines: problems.map((p) => p.line), sha256: sha256 ?? null },
        },
      });
      return { loaded: people.length, deactivated, problems };
      // A county's roster is hundreds of people, and instances starting together wait for the lock.
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}
