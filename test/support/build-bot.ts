// Compiles the server once per run for the tests that start it as a process (test/faults,
// test/bot/start-*.test.ts and the others that spawn bot/main.ts), so each start is plain `node`:
// starting through `tsx` compiled every module again at each start, seconds per start and over 30 s on
// a busy machine. esbuild turns each file into JavaScript on its own, as tsx does (no bundling, so the
// files the server reads next to its code — migrations, the demo roster, web/static — are copied as
// `npm run build` copies them: scripts/copy-build-assets.mjs). The output sits under node_modules/.cache so
// the compiled files find the repository's node_modules.
import { randomBytes } from 'node:crypto';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = ['bot', 'core', 'handlers', 'web', 'use-cases', 'domain', 'prisma', 'cron', 'generated'];
// Preloaded into a started bot by test/bot/secrets-in-logs.test.ts (`node --import`).
const PRELOADS = ['test/bot/fake-wecom-preload.ts'];
const ASSETS = ['prisma/migrations', 'bot/roster/demo-roster.csv', 'web/static'];

/** Builds into a new directory for this run; returns it and how to remove it. */
export async function buildBot(): Promise<{ dir: string; remove(): void }> {
  const dir = join(ROOT, 'node_modules', '.cache', `xmgj-test-bot-${randomBytes(6).toString('hex')}`);
  const entryPoints = [...SOURCES.flatMap((folder) => typeScriptFiles(join(ROOT, folder))), ...PRELOADS.map((file) => join(ROOT, file))];
  await build({ entryPoints, outdir: dir, outbase: ROOT, format: 'esm', platform: 'node', target: `node${process.versions.node}`, logLevel: 'error' });
  for (const asset of ASSETS) cpSync(join(ROOT, asset), join(dir, asset), { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function typeScriptFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !relative(ROOT, file).includes('node_modules'));
}
