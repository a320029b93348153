// 同步通讯录: the WeCom directory (department/list, user/list per department) matched to the roster.
import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../prisma/open-database.js';
import { openTestDatabase } from '../../support/test-database.js';
import { createWecomApi } from '../../../bot/wecom/create-wecom-api.js';
import { fetchDirectory } from '../../../bot/wecom/fetch-directory.js';
import { syncDirectory } from '../../../bot/wecom/sync-directory.js';
import { API_BASE, config, jsonFixture } from './wecom-fixtures.js';

let db: Database;
beforeAll(async () => {
  nock.disableNetConnect();
  db = await openTestDatabase();
  await db.prisma.person.createMany({
    data: [
      { userid: 'admin', name: '管理员小王', roles: ['admin'] },
      { userid: 'window', name: '专窗小李', roles: ['window'], mobile: '13800000001' },
      // Typed into the roster by name; WeCom knows him as ZhangWei, by the same mobile.
      { userid: 'zhangwei', name: '张伟', roles: ['agent'], mobile: '13900000002' },
      { userid: 'chenjing', name: '陈静', roles: ['agent'], mobile: '13700000003' },
      { userid: 'old.agent', name: '已离职', roles: ['agent'], active: false },
    ],
  });
});
afterAll(() => db.close());
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

it('matches roster people by userid, links those found by mobile, and names the missing', async () => {
  const users = jsonFixture<Record<string, object>>('user-list.json');
  const wecom = nock(API_BASE)
    .get('/cgi-bin/gettoken').query(true).reply(200, jsonFixture('gettoken.json'))
    .get('/cgi-bin/department/list').query(true).reply(200, jsonFixture('department-list.json'));
  for (const id of ['1', '2', '3']) wecom.get('/cgi-bin/user/list').query((query) => query.department_id === id).reply(200, users[id]);

  const directory = await fetchDirectory(createWecomApi(config));
  expect(directory.people.map((person) => person.userid)).toEqual(['admin', 'window', 'ZhangWei', 'LiuFang']);

  const summary = await db.prisma.$transaction((tx) => syncDirectory(tx, directory));
  expect(summary).toEqual({
    departments: 3,
    wecomPeople: 4,
    matched: 2,
    linked: [{ name: '张伟', from: 'zhangwei', to: 'ZhangWei' }],
    missing: ['陈静'],
    notInRoster: 1,
  });
  expect(await db.prisma.person.findFirst({ where: { name: '张伟' } })).toMatchObject({ userid: 'ZhangWei' });
});
