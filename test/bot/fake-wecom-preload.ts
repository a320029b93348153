// Preloaded into the bot's child process by secrets-in-logs.test.ts (`node --import`): a fake
// WeCom API with nock, because interceptors cannot cross into another process. It hands out
// FAKE_WECOM_ACCESS_TOKEN, fails some calls the way WeCom does (42001 token expired, HTTP 500),
// lists a person with a full mobile number, and appends each call's path to FAKE_WECOM_CALLS.
import { appendFileSync } from 'node:fs';
import nock from 'nock';

const base = process.env.WECOM_API_BASE!;
const accessToken = process.env.FAKE_WECOM_ACCESS_TOKEN!;
const mobile = process.env.FAKE_WECOM_MOBILE!;
const record = (path: string): void => appendFileSync(process.env.FAKE_WECOM_CALLS!, `${path}\n`);
const counts = new Map<string, number>();
const nth = (path: string): number => {
  counts.set(path, (counts.get(path) ?? 0) + 1);
  record(path);
  return counts.get(path)!;
};

nock.disableNetConnect();
nock.enableNetConnect('127.0.0.1');
nock(base)
  .persist()
  .get('/cgi-bin/gettoken')
  .query(true)
  .reply(() => (nth('gettoken'), [200, { errcode: 0, errmsg: 'ok', access_token: accessToken, expires_in: 7200 }]))
  .post('/cgi-bin/message/send')
  .query(true)
  .reply(() => {
    const n = nth('message/send');
    if (n === 1) return [200, { errcode: 42001, errmsg: 'access_token expired' }];
    if (n === 2) return [500, 'upstream error'];
    return [200, { errcode: 0, errmsg: 'ok', msgid: `m${n}` }];
  })
  .get('/cgi-bin/department/list')
  .query(true)
  .reply(() => (nth('department/list'), [200, { errcode: 0, errmsg: 'ok', department: [{ id: 2, name: '县政务服务中心', parentid: 1 }] }]))
  .get('/cgi-bin/user/list')
  .query(true)
  .reply(() =>
    nth('user/list') === 1
      ? [503, 'busy']
      : [
          200,
          {
            errcode: 0,
            errmsg: 'ok',
            userlist: [
              { userid: 'window', name: '专窗小李', department: [2], mobile },
              { userid: 'zhou.new', name: '周新', department: [2], mobile: `+86 ${mobile}` },
            ],
          },
        ],
  );
