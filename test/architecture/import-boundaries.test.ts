// The layering of docs/architecture.md, checked on every file: domain/ is pure and imports only
// domain/ (and libraries); handlers/ see neutral messages, never a platform adapter or the outbox's
// insides; cron/ computes in domain/ and writes through the outbox, never through a handler.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

/** Every project file a source file imports, as a path from the repository root. */
function projectImports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/gm)].map((match) => relative(root, resolve(root, dirname(file), match[1]!)));
}

function violations(dir: string, allowed: (target: string) => boolean): string[] {
  return sources(dir).flatMap((file) =>
    projectImports(file)
      .filter((target) => !allowed(target))
      .map((target) => `${file} → ${target}`),
  );
}

describe('import boundaries', () => {
  it('domain/ imports nothing outside domain/', () => {
    expect(violations('domain', (target) => target.startsWith('domain/'))).toEqual([]);
  });

  it('handlers/ import no platform adapter and no outbox, inbound or job internals', () => {
    const forbidden = /^bot\/(wecom|dingtalk|local|outbox|inbound|jobs|transport)\//;
    expect(violations('handlers', (target) => !forbidden.test(target))).toEqual([]);
  });

  it('cron/ imports no handler', () => {
    expect(violations('cron', (target) => !target.startsWith('handlers/'))).toEqual([]);
  });

  it('finds the imports it checks (the check itself works)', () => {
    expect(projectImports('handlers/dispatch.ts')).toContain('handlers/index.js');
  });
});
