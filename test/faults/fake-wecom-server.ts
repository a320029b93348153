// A fake WeCom API on 127.0.0.1 for the fault tests, which run the bot as separate processes
// (nock cannot reach into another process). It answers gettoken and the send APIs, records every
// delivered message with the outbox row its invisible mark names (test/bot/wecom/wecom-fixtures.ts
// readMark), and can misbehave the way WeCom does (全局错误码): a share of calls fail at random with
// HTTP 500, a reset connection, no answer until the bot gives up, 45009 (API quota) or 42001 (token
// expired), or a reset after the message was shown (`reset-after`: the bot cannot know it arrived);
// some recipients are refused for ever with 40003 (invalid userid). Like WeCom with
// enable_duplicate_check (发送应用消息), a message identical to one already delivered to the same
// person is answered ok and not shown again: the bot relies on it for a send resent after a crash
// (docs/architecture.md "Messages and cards"); `deduplicated` counts them.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readMark } from '../bot/wecom/wecom-fixtures.js';

export interface Delivered {
  api: string;
  to: string;
  /** The text, markdown or card title shown, without its mark. */
  text: string;
  outboxId: bigint | null;
}

export type Fault = '500' | 'reset' | 'timeout' | '45009' | '42001' | 'reset-after';

export interface FakeWecomOptions {
  /** Share of send calls that fail (0–1), at random; the failures take the `faults` in turn, so every kind occurs. */
  failRate?: number;
  faults?: readonly Fault[];
  /** The APIs that fail (e.g. `appchat/send`); all send calls when not given. */
  faultApis?: readonly string[];
  /** Recipients WeCom always refuses with 40003. */
  poisoned?: readonly string[];
  /** Milliseconds before each send is answered (a slow WeCom, to catch the bot mid-batch). */
  delayMs?: number;
}

export interface FakeWecom {
  url: string;
  delivered: Delivered[];
  /** Send calls answered with a fault, by kind. */
  faulted: Map<Fault | '40003', number>;
  /** Resent messages WeCom's duplicate check dropped. */
  deduplicated(): number;
  /** Send calls received so far, answered or not. */
  received(): number;
  close(): Promise<void>;
}

const TOKEN = 'fault-test-token';

export async function startFakeWecom(options: FakeWecomOptions = {}): Promise<FakeWecom> {
  const { failRate = 0, faults = ['500', 'reset', 'timeout', '45009', '42001'], faultApis, poisoned = [], delayMs = 0 } = options;
  let failures = 0;
  const delivered: Delivered[] = [];
  const faulted = new Map<Fault | '40003', number>();
  const hanging = new Set<ServerResponse>();
  const seen = new Set<string>();
  let received = 0;
  let deduplicated = 0;
  const count = (fault: Fault | '40003') => faulted.set(fault, (faulted.get(fault) ?? 0) + 1);
  const json = (response: ServerResponse, body: object, status = 200) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://wecom.fake');
    let raw = '';
    for await (const chunk of request) raw += chunk;
    if (url.pathname === '/cgi-bin/gettoken') return json(response, { errcode: 0, errmsg: 'ok', access_token: TOKEN, expires_in: 7200 });
    const api = url.pathname.replace('/cgi-bin/', '');
    // A multipart upload (a digest's chart, a 台账) is no message: it answers a media_id, and the message/send that follows is counted.
    if (api === 'media/upload') return json(response, { errcode: 0, errmsg: 'ok', type: url.searchParams.get('type'), media_id: `media-${received}` });
    received += 1;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const body = JSON.parse(raw || '{}') as {
      enable_duplicate_check?: number;
      touser?: string;
      chatid?: string;
      userids?: string[];
      text?: { content: string };
      markdown?: { content: string };
    };
    const to = body.touser ?? body.chatid ?? body.userids?.join('|') ?? '';
    if (poisoned.includes(to)) {
      count('40003');
      return json(response, { errcode: 40003, errmsg: 'invalid userid' });
    }
    const fault = (faultApis?.includes(api) ?? true) && Math.random() < failRate ? faults[failures++ % faults.length]! : undefined;
    if (fault) count(fault);
    if (fault && fault !== 'reset-after') {
      switch (fault) {
        case '500':
          return json(response, { errcode: -1, errmsg: 'system error' }, 500);
        case 'reset':
          return request.socket.destroy();
        case 'timeout':
          // Never answered: the bot's own timeout ends the call.
          hanging.add(response);
          return;
        case '45009':
          return json(response, { errcode: 45009, errmsg: 'api freq out of limit' });
        case '42001':
          return json(response, { errcode: 42001, errmsg: 'access_token expired' });
      }
    }
    const shown = body.text?.content ?? body.markdown?.content;
    const key = `${to}\n${shown ?? raw}`;
    if (body.enable_duplicate_check && shown !== undefined && seen.has(key)) {
      deduplicated += 1;
      return json(response, { errcode: 0, errmsg: 'ok', msgid: `dup${deduplicated}` });
    }
    seen.add(key);
    const { text, outboxId } = shown !== undefined ? readMark(shown) : { text: raw, outboxId: null };
    delivered.push({ api, to, text, outboxId });
    if (fault === 'reset-after') return request.socket.destroy();
    return json(response, { errcode: 0, errmsg: 'ok', msgid: `m${delivered.length}`, response_code: `code-${delivered.length}` });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    delivered,
    faulted,
    received: () => received,
    deduplicated: () => deduplicated,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** How many times each outbox row was delivered; rows delivered more than once are the bug. */
export function deliveriesPerRow(delivered: readonly Delivered[]): Map<bigint, number> {
  const counts = new Map<bigint, number>();
  for (const item of delivered) if (item.outboxId !== null) counts.set(item.outboxId, (counts.get(item.outboxId) ?? 0) + 1);
  return counts;
}
