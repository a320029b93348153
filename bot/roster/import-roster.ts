// Upserts the roster (the shape of the list attached to 004) at every start. A bad row is
// reported with its line number and skipped; good rows still load. Roster people missing from
// the file are deactivated (kept for the archive); enterprise contacts are not roster people.
import { z } from 'zod';
import type { Db } from '../../prisma/open-database.js';
import { roleFromName, type Role } from '../../domain/roles.js';
import { unitKey } from '../../domain/unit-key.js';
import type { RosterRow } from './read-roster-file.js';

const rowSchema = z.object({
  姓名: z.string().min(1, '缺少姓名'),
  企业微信账号: z.string().regex(/^[A-Za-z0-9._@-]{1,64}$/, '企业微信账号应为字母、数字或 . _ @ -'),
  单位: z.string().min(1, '缺少单位'),
  角色: z.string().min(1, '缺少角色'),
  手机: z.union([z.literal(''), z.string().regex(/^1[3-9]\d{9}$/, '手机号应为 11 位')]).default(''),
  钉钉账号: z.string().default(''),
});

export interface RosterReport {
  loaded: number;
  deactivated: number;
  problems: { line: number; reason: string }[];
}

/** `sha256` of the file, recorded so an unchanged file is not imported again. */
export async function importRoster(prisma: Db, rows: RosterRow[], sha256?: string): Promise<RosterReport> {
  const problems: RosterReport['problems'] = [];
  const people: { userid: string; name: string; unit: string; roles: Role[]; mobile: string | null; dingtalkId: string | null }[] = [];
  for (const row of rows) {
    const parsed = rowSchema.safeParse(row.cells);
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
    if (people.some((person) => person.userid === parsed.data.企业微信账号)) {
      problems.push({ line: row.line, reason: `企业微信账号 ${parsed.data.企业微信账号} 重复` });
      continue;
    }
    people.push({
      userid: parsed.data.企业微信账号,
      name: parsed.data.姓名,
      unit: parsed.data.单位,
      roles: roles as Role[],
      mobile: parsed.data.手机 || null,
      dingtalkId: parsed.data.钉钉账号 || null,
    });
  }
  // Rows that were skipped keep their people active: a typo must not lock someone out.
  const skipped = rows.filter((row) => problems.some((problem) => problem.line === row.line)).map((row) => row.cells['企业微信账号'] ?? '');

  return prisma.$transaction(async (tx) => {
    const unitIds = new Map<string, number>();
    for (const name of new Set(people.map((person) => person.unit))) {
      const key = unitKey(name);
      const unit = await tx.unit.upsert({ where: { key }, create: { name, key }, update: {} });
      unitIds.set(name, unit.id);
    }
    const kept: number[] = [];
    for (const person of people) {
      const data = { name: person.name, unitId: unitIds.get(person.unit)!, roles: person.roles, mobile: person.mobile, dingtalkId: person.dingtalkId, active: true };
      // 同步通讯录 may have given a person their real WeCom userid, found by mobile: keep it.
      const existing =
        (await tx.person.findUnique({ where: { userid: person.userid } })) ??
        (person.mobile ? await tx.person.findFirst({ where: { mobile: person.mobile, NOT: { roles: { has: 'enterprise' } } } }) : null);
      const saved = existing
        ? await tx.person.update({ where: { id: existing.id }, data })
        : await tx.person.create({ data: { userid: person.userid, ...data } });
      kept.push(saved.id);
    }
    const { count: deactivated } = await tx.person.updateMany({
      where: { active: true, id: { notIn: kept }, userid: { notIn: skipped }, NOT: { roles: { has: 'enterprise' } } },
      data: { active: false },
    });
    await tx.event.create({
      data: { channel: 'system', kind: 'roster.imported', after: { loaded: people.length, deactivated, skippedLines: problems.map((p) => p.line), sha256: sha256 ?? null } },
    });
    return { loaded: people.length, deactivated, problems };
  });
}
