// Start-up as an operator sees it: a bad setting stops the process with one line that names
// the variable, and a non-zero exit. The real entry point runs in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { botCommand } from '../support/bot-command.js';

const dir = mkdtempSync(join(tmpdir(), 'xmgj-start-'));
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function start(env: Record<string, string>): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, botCommand(), {
    env: { PATH: process.env.PATH, DATA_DIR: join(dir, 'data'), PORT: '0', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe('start-up with a bad setting', () => {
  it.each([
    [
      'a policy file that is not JSON',
      { POLICY_FILE: file('broken.json', '{ackTimeoutMinutes: 30') },
      /^项目管家 cannot start — POLICY_FILE: .*broken\.json is not valid JSON/,
    ],
    ['a policy with an unknown key', { POLICY_FILE: file('unknown.json', '{"ackTimeout": 30}') }, /^项目管家 cannot start — POLICY_FILE: .*ackTimeout/],
    [
      'a policy with a bad value',
      { POLICY_FILE: file('negative.json', '{"ackTimeoutMinutes": -5}') },
      /^项目管家 cannot start — POLICY_FILE: .*ackTimeoutMinutes/,
    ],
    [
      'a schedule time that is no cron expression',
      { POLICY_FILE: file('cron.json', '{"weekly": {"problemsAsk": "0 25 * * 2"}}') },
      /^项目管家 cannot start — POLICY_FILE: .*weekly\.problemsAsk: expected HH:MM or a cron expression "M H \* \* 2": not a cron expression \(node-cron\)$/,
    ],
    ['a clock file that does not exist', { CLOCK_FILE: join(dir, 'missing-clock') }, /^项目管家 cannot start — CLOCK_FILE: no file at/],
    [
      'a clock file without an instant',
      { CLOCK_FILE: file('clock', '2026-12-07 09:00') },
      /^项目管家 cannot start — CLOCK_FILE: .*clock does not hold an instant like 2026-12-07T09:00:00\+08:00/,
    ],
    ['a roster that does not exist', { ROSTER_FILE: join(dir, 'missing.csv') }, /^项目管家 cannot start — ROSTER_FILE: no file at/],
    [
      'a roster that is not CSV or XLSX',
      { ROSTER_FILE: file('people.txt', 'x') },
      /^项目管家 cannot start — ROSTER_FILE: expected the path of a \.csv or \.xlsx roster/,
    ],
    [
      'a roster without the roster columns',
      { ROSTER_FILE: file('wrong.csv', 'name,userid\n张三,zhang\n') },
      /^项目管家 cannot start — ROSTER_FILE: .*wrong\.csv has no column 姓名, 单位, 角色, 企业微信账号 or 钉钉账号/,
    ],
    ['a roster that is not a spreadsheet', { ROSTER_FILE: file('fake.xlsx', 'not a zip') }, /^项目管家 cannot start — ROSTER_FILE: cannot read .*fake\.xlsx/],
    ['a database URL that is not PostgreSQL', { DATABASE_URL: 'mysql://db/xmgj' }, /^项目管家 cannot start — DATABASE_URL: expected postgres:\/\//],
    [
      'a PostgreSQL server that is not there',
      { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/xmgj' },
      /^项目管家 cannot start — DATABASE_URL: cannot open the database/,
    ],
    ['a malformed port', { PORT: 'eighty' }, /^项目管家 cannot start — PORT: expected a port number$/],
    ['a preset the bot does not ship', { POLICY_PRESET: '沈阳' }, /^项目管家 cannot start — POLICY_PRESET: expected one of 镇平, 大姚, 中卫, 营口, 绵阳$/],
  ])('refuses %s with one line and exit 1', (_, env, message) => {
    const result = start(env);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.split('\n')).toHaveLength(1);
  });
});
