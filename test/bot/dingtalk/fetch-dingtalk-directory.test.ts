// 同步通讯录 on DingTalk: the department tree walked from the root, each department's members
// paged by cursor, people in several departments listed once with every department's name.
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDingtalkApi } from '../../../bot/dingtalk/create-dingtalk-api.js';
import { fetchDingtalkDirectory } from '../../../bot/dingtalk/fetch-dingtalk-directory.js';
import { API_BASE, config, jsonFixture, OAPI_BASE } from './dingtalk-fixtures.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toStrictEqual([]);
  nock.cleanAll();
});

describe('fetchDingtalkDirectory', () => {
  it('walks the departments from the root and pages through their members', async () => {
    nock(API_BASE).post('/v1.0/oauth2/accessToken').reply(200, jsonFixture('access-token.json'));
    const oapi = nock(OAPI_BASE);
    const listsub = (deptId: number, file: string) =>
      oapi.post('/topapi/v2/department/listsub', { dept_id: deptId }).query({ access_token: 'fe5a7cc9f2c53d1e8f8a8c0b3d1f0e2a' }).reply(200, jsonFixture(file));
    const users = (deptId: number, cursor: number, file: string) =>
      oapi.post('/topapi/v2/user/list', { dept_id: deptId, cursor, size: 100 }).query(true).reply(200, jsonFixture(file));
    listsub(1, 'department-listsub-root.json');
    listsub(100, 'department-listsub-100.json');
    listsub(200, 'department-listsub-empty.json');
    listsub(101, 'department-listsub-empty.json');
    users(1, 0, 'user-list-empty.json');
    users(100, 0, 'user-list-100-page1.json');
    users(100, 1, 'user-list-100-page2.json');
    users(200, 0, 'user-list-empty.json');
    // 周某 is in 100 and 101: listed once, with both names.
    users(101, 0, 'user-list-101.json');

    expect(await fetchDingtalkDirectory(createDingtalkApi(config))).toEqual([
      { account: 'zhou.zrzy', name: '周某', mobile: '13800000000', departments: ['县自然资源局', '县自然资源局办公室'] },
      { account: 'wang.zrzy', name: '王某', departments: ['县自然资源局'] },
    ]);
  });
});
