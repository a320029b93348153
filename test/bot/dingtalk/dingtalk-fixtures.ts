// Shared by the DingTalk tests: fake credentials, fixture files (payloads shaped as DingTalk's docs
// show them), a log sink, and a fake `receive` that deduplicates like the Inbound table.
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger } from '../../../core/logger.js';
import type { Card, IncomingEvent } from '../../../core/messages.js';
import type { DingtalkConfig } from '../../../bot/dingtalk/load-dingtalk-config.js';

const dir = new URL('../../fixtures/dingtalk/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export function jsonFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixture(name)) as T;
}

export const API_BASE = 'http://dingtalk-api.fake';
export const OAPI_BASE = 'http://dingtalk-oapi.fake';

export const config: DingtalkConfig = {
  clientId: 'dingxmgjrobot0001',
  clientSecret: 'test-secret-not-real-0123456789abcdef',
  robotCode: 'dingxmgjrobot0001',
  mode: 'stream',
  cardTemplateId: 'a1b2c3d4-task-card.schema',
  apiBase: API_BASE,
  oapiBase: OAPI_BASE,
};

/** A logger whose lines the test can read. */
export function recordingLogger(level = 'debug') {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk))), done()) });
  return { logger: createLogger(level, sink), lines };
}

/** What `receive` does for the bot: record once per dedupKey. */
export function recordingReceive() {
  const seen = new Set<string>();
  const calls: IncomingEvent[] = [];
  const receive = async (event: IncomingEvent) => {
    calls.push(event);
    if (seen.has(event.dedupKey)) return 'duplicate' as const;
    seen.add(event.dedupKey);
    return 'accepted' as const;
  };
  return { receive, calls, recorded: () => calls.filter((event, index) => calls.findIndex((other) => other.dedupKey === event.dedupKey) === index) };
}

/** A task card as the handlers send it. */
export const taskCard: Card = {
  key: 'task:34',
  title: '任务分送单：建设用地规划许可证',
  fields: [
    { label: '项目', value: 'P12 年产5万吨饲料加工项目' },
    { label: '报到期限', value: '10:33 前' },
  ],
  buttons: [
    { id: 'take', text: '报到', style: 'primary', command: '报到 T34' },
    { id: 'return', text: '退回', style: 'danger', input: { placeholder: '原因' }, command: '退回 T34 原因' },
  ],
};

/** Error answers as DingTalk sends them (errors.json). */
export const errors =
  jsonFixture<Record<'quotaNewApi' | 'quotaOapi' | 'qpsLimit' | 'busy' | 'invalidToken' | 'badParameter' | 'badAppSecret', object>>('errors.json');
