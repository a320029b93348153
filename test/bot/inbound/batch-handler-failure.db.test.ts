// Several senders' events are handled in one transaction (bot/app.ts processBatch; when a handler
// fails, the batch runs again with a savepoint per handler): when one handler fails — here the
// database refuses its reply, after it already wrote its project and event — only its own writes
// roll back, its event is set aside and its sender told once, and the other senders' projects,
// events and replies stand.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

const APOLOGY = /处理这条消息时出错了/;
const register = (name: string) => `登记项目\n名称：${name}\n投资：3.5亿\n企业：${name}公司\n联系人：张三 13900001111\n包抓领导：县领导甲`;

it('sets aside only the failing event of a batch, tells its sender once, and keeps the others’ writes and replies', async () => {
  // The database refuses any outgoing message about 乙项目 (but not the apology), as a bug would fail mid-handler.
  await h.prisma.$executeRawUnsafe(`
    CREATE FUNCTION refuse_second_project() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.payload::text LIKE '%乙项目%' THEN RAISE EXCEPTION 'refused for the test'; END IF;
      RETURN NEW;
    END $$`);
  await h.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_second_project BEFORE INSERT ON "Outbox" FOR EACH ROW EXECUTE FUNCTION refuse_second_project()`);
  const at = h.clock.now().toISOString();
  for (const [account, name] of [
    ['window', '甲项目'],
    ['office', '乙项目'],
    ['invest', '丙项目'],
  ])
    expect(await h.app.receive({ platform: 'local', type: 'text', account: account!, text: register(name!), dedupKey: randomUUID(), at })).toBe('accepted');

  await expect(h.app.processInbound()).resolves.toBe(3);
  await h.app.deliver();

  expect(h.textsTo('window')).toEqual([expect.stringContaining('甲项目')]);
  expect(h.textsTo('invest')).toEqual([expect.stringContaining('丙项目')]);
  expect(h.textsTo('office')).toEqual([expect.stringMatching(APOLOGY)]);
  expect((await h.prisma.project.findMany({ orderBy: { id: 'asc' } })).map((project) => project.name)).toEqual(['甲项目', '丙项目']);
  const people = await h.prisma.person.findMany({ where: { name: { in: ['专窗小李', '招商中心小钱'] } } });
  const projectEvents = await h.prisma.event.findMany({ where: { projectId: { not: null } } });
  expect(new Set(projectEvents.map((event) => event.actorId))).toEqual(new Set(people.map((person) => person.id)));
  const inbound = await h.prisma.inbound.findMany({ orderBy: { id: 'asc' } });
  expect(inbound.map((row) => [row.senderKey, row.processedAt !== null, row.failedAt !== null])).toEqual([
    ['local:window', true, false],
    ['local:office', true, true],
    ['local:invest', true, false],
  ]);
  expect(inbound[1]!.error).toMatch(/refused for the test/);

  // Set aside, not tried again: no second apology.
  await expect(h.app.processInbound()).resolves.toBe(0);
  await h.app.deliver();
  expect(h.messenger.received.filter((item) => APOLOGY.test(item.text))).toHaveLength(1);
});
