// The README's command table must name every command 帮助 can show (both come from handlers/index.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { commands } from '../../handlers/index.js';

it('lists every command word of the routing table in the README command section', () => {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Commands'), readme.indexOf('## Benchmarks'));
  const missing = commands.map((command) => command.word).filter((word) => !section.includes(`\`${word}`));
  expect(missing).toEqual([]);
});
