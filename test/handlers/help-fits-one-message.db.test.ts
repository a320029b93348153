// 帮助 is the list a person keeps: for every role of the demo roster it arrives as one WeCom message,
// not split where the bytes ran out (bot/outbox splits a text over the platform's limit).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WECOM_TEXT_MAX_BYTES } from '../../bot/wecom/create-wecom-messenger.js';
import { createHarness, type Harness } from '../support/harness.js';
import { RecordingMessenger } from '../support/recording-messenger.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ messenger: new RecordingMessenger('local', { maxBytes: WECOM_TEXT_MAX_BYTES }) });
});
afterAll(async () => {
  await h.close();
});

it.each(['admin', 'window', 'office', 'invest', 'inspect', 'leader.a', 'leader.main', 'zrzy.leader', 'zrzy.agent'])(
  'answers %s with one message',
  async (account) => {
    const received = await h.say(account, '帮助');
    expect(received.map((item) => item.recipient)).toEqual([account]);
    expect(received[0]!.text).toMatch(/，你可以使用这些命令：\n· /);
  },
);
