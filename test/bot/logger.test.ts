// What a log collector receives: no full mobile number and no configured secret in any line —
// not in the message, not in nested objects or an event payload, not in an error's message or
// stack. The probe of issue 16 found a failing DingTalk insert logging the whole event with a
// mobile; here the Inbound insert fails the same way and the captured log is grepped.
import { Writable } from 'node:stream';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../core/logger.js';
import { fixture } from './dingtalk/dingtalk-fixtures.js';
import { startDingtalkCallbackServer, type DingtalkCallbackServer } from './dingtalk/start-dingtalk-callback-server.js';

const MOBILE = '13912345678';
const SECRET = 'Secret"Canary\\9f8e7d';

function captured(secrets: string[] = []) {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
  return { logger: createLogger('debug', sink, secrets), text: () => lines.join('') };
}

describe('the logger', () => {
  it('masks mobiles and secrets in messages, nested objects, error messages and stacks', () => {
    const { logger, text } = captured([SECRET]);
    const error = new Error(`insert failed for {"text":"电话 ${MOBILE}","key":"${SECRET}"}`);
    logger.error(
      { err: error, event: { text: `手机 +86${MOBILE} 或 139-1234-5678` }, url: 'https://x/api?access_token=AccessTokenCanary42&a=1' },
      `call ${MOBILE}`,
    );
    logger.child({ contact: { phone: MOBILE } }).info('child bindings too');
    const out = text();
    expect(out).not.toContain(MOBILE);
    expect(out).not.toContain('1234-5678');
    expect(out).not.toContain('9f8e7d');
    expect(out).not.toContain('AccessTokenCanary42');
    expect(out).toContain('139****5678');
    // The error is still there to read: its message and stack, masked.
    expect(JSON.parse(out.split('\n')[0]!).err).toMatchObject({ type: 'Error', message: expect.stringContaining('139****5678'), stack: expect.any(String) });
  });
});

describe('a DingTalk message with a mobile whose Inbound insert fails', () => {
  let server: DingtalkCallbackServer;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    server = await startDingtalkCallbackServer();
    // The database refuses the row and quotes it back, as a failing constraint's detail does.
    await server.database.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_inbound() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'inbound refused: %', NEW.event; END $$`);
    await server.database.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_inbound BEFORE INSERT ON "Inbound" FOR EACH ROW EXECUTE FUNCTION refuse_inbound()`);
  });

  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });

  it('is answered 500 (DingTalk tries again) and logged with the mobile masked', async () => {
    const body = JSON.stringify({ ...JSON.parse(fixture('robot-text-message.json')), text: { content: `修改 P1 电话 ${MOBILE}` } });
    expect(await server.post(body)).toBe(500);
    const failed = server.logs.filter((line) => line.level >= 50);
    expect(failed).toEqual([
      expect.objectContaining({ msg: 'request failed', err: expect.objectContaining({ message: expect.stringContaining('139****5678') }) }),
    ]);
    expect(JSON.stringify(server.logs)).not.toContain(MOBILE);
  });
});
