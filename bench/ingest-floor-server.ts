// The no-Prisma ingest floor (issue 20): a Koa route in its own process that does what the bot's
// callback must — verify the signature, decrypt (@wecom/crypto), read the message, insert its
// Inbound row — with the INSERT sent straight to the driver (pg, or PGlite in this process) and
// nothing else: no handler, no outbox. Database from argv: a postgres:// URL or a PGlite directory.
import { PGlite } from '@electric-sql/pglite';
import { decrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';
import Koa from 'koa';
import pg from 'pg';
import { sample } from '../test/bot/wecom/wecom-fixtures.js';

const [port, location] = [Number(process.argv[2]), process.argv[3]!];
const INSERT = `INSERT INTO "Inbound" (platform, "dedupKey", "senderKey", event) VALUES ($1, $2, $3, $4::jsonb) ON CONFLICT DO NOTHING`;
const query: (values: unknown[]) => Promise<unknown> = location.includes('://')
  ? (
      (pool: pg.Pool) => (values: unknown[]) =>
        pool.query(INSERT, values)
    )(new pg.Pool({ connectionString: location, max: 10 }))
  : (
      (lite: PGlite) => (values: unknown[]) =>
        lite.query(INSERT, values)
    )(new PGlite({ dataDir: location }));
// The database opens before the route listens: its start-up is not the floor's cost per message.
await query(['wecom', 'floor-open', 'wecom:floor', '{}']);
const parser = new XMLParser({ processEntities: false, htmlEntities: false, parseTagValue: false });

const app = new Koa();
app.use(async (ctx) => {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  const encrypted = String(parser.parse(Buffer.concat(chunks).toString('utf8')).xml?.Encrypt ?? '');
  const { msg_signature: signature, timestamp, nonce } = ctx.query as Record<string, string>;
  if (getSignature(sample.token, timestamp!, nonce!, encrypted) !== signature) return void (ctx.status = 401);
  const { message, id } = decrypt(sample.encodingAesKey, encrypted);
  if (id !== sample.corpId) return void (ctx.status = 400);
  const fields = parser.parse(message).xml as Record<string, string>;
  const event = { platform: 'wecom', account: fields.FromUserName, type: 'text', text: fields.Content, dedupKey: `msg:${fields.MsgId}` };
  await query(['wecom', event.dedupKey, `wecom:${event.account}`, JSON.stringify(event)]);
  ctx.status = 200;
  ctx.body = '';
});
app.listen(port, '127.0.0.1', () => process.send?.('listening'));
