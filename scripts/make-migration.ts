// Writes the next migration: the SQL difference between the schema the existing migrations
// produce (kept in prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
// Usage: npm run migration -- <name>
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration -- <name in lower_snake_case>');
  process.exit(1);
}
const dir = 'prisma/migrations';
const snapshot = `${dir}/schema.snapshot.prisma`;
const from = existsSync(snapshot) ? ['--from-schema-datamodel', snapshot] : ['--from-empty'];
const sql = execFileSync('npx', ['prisma', 'migrate', 'diff', ...from, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], { encoding: 'utf8' });
if (!/^\s*(CREATE|ALTER|DROP)/m.test(sql)) {
  console.error('no schema change to migrate');
  process.exit(1);
}
const next = String(readdirSync(dir).filter((entry) => /^\d{4}_/.test(entry)).length + 1).padStart(4, '0');
const target = `${dir}/${next}_${name}`;
mkdirSync(target, { recursive: true });
writeFileSync(`${target}/migration.sql`, sql);
copyFileSync('prisma/schema.prisma', snapshot);
console.log(`wrote ${target}/migration.sql`);
