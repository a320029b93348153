import { describe, expect, it } from 'vitest';
import { cardCallbackToEvent, robotMessageToEvent } from '../../../bot/dingtalk/to-incoming-event.js';
import { jsonFixture } from './dingtalk-fixtures.js';

const push = { messageId: '0b9e3c44_4d2a_11ef_9b52_00163e2c1f0a', at: new Date('2026-11-24T02:03:05.000Z') };

describe('robotMessageToEvent', () => {
  it('turns a 1:1 text message into a text event from senderStaffId, keyed by msgId', () => {
    expect(robotMessageToEvent(jsonFixture('robot-text-message.json'))).toEqual({
      ok: true,
      event: {
        platform: 'dingtalk',
        account: 'zhou.zrzy',
        dedupKey: 'msg:msgfGBWyOQ7N2eLqPc9v8aU5g==',
        at: '2026-11-24T02:03:01.000Z',
        type: 'text',
        text: '报到 T34',
      },
    });
  });

  it('cuts the @mention from a group message', () => {
    expect(robotMessageToEvent(jsonFixture('robot-group-message.json'))).toMatchObject({
      ok: true,
      event: { type: 'text', account: 'window', text: '进度 P12' },
    });
  });

  it('turns a 1:1 file message into a file event carrying its downloadCode, the size known once read', () => {
    expect(robotMessageToEvent(jsonFixture('robot-file-message.json'))).toEqual({
      ok: true,
      event: {
        platform: 'dingtalk',
        account: 'office',
        dedupKey: 'msg:msgF1leLedger0Q7N2eLqPc9v8a==',
        at: '2026-11-24T02:03:20.000Z',
        type: 'file',
        name: '某某县重点项目台账.xlsx',
        size: 0,
        download: 'mIofN681YE3f/+m+NntqpWDkZ4HWE1ZE5VUe0d6tDuLmFile01',
      },
    });
  });

  it('makes other message types unsupported', () => {
    expect(robotMessageToEvent(jsonFixture('robot-picture-message.json'))).toMatchObject({ ok: true, event: { type: 'unsupported', what: 'picture' } });
  });

  it('refuses a message without senderStaffId (someone outside the organisation) or with a createAt no date can hold', () => {
    const { senderStaffId: _dropped, ...outsider } = jsonFixture('robot-text-message.json');
    expect(robotMessageToEvent(outsider)).toMatchObject({ ok: false, reason: expect.stringContaining('senderStaffId') });
    // Control characters are receive's to strip or refuse, alike for every platform (signed-hostile-payloads.db.test.ts).
    expect(robotMessageToEvent({ ...jsonFixture<Record<string, unknown>>('robot-text-message.json'), createAt: 9e15 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('createAt'),
    });
  });
});

describe('cardCallbackToEvent', () => {
  it('reads the card key from outTrackId and the button from params.buttonId', () => {
    expect(cardCallbackToEvent(jsonFixture('card-callback.json'), push)).toEqual({
      ok: true,
      event: {
        platform: 'dingtalk',
        account: 'zhou.zrzy',
        dedupKey: `card:${push.messageId}`,
        at: '2026-11-24T02:03:05.000Z',
        type: 'card_action',
        cardKey: 'task:34',
        buttonId: 'take',
      },
    });
  });

  it('falls back to the action id and carries the trimmed input', () => {
    expect(cardCallbackToEvent(jsonFixture('card-callback-return.json'), push)).toMatchObject({
      ok: true,
      event: { cardKey: 'task:34', buttonId: 'return', input: '缺少用地预审意见' },
    });
  });

  it('refuses a card this bot did not make, and content that is not JSON', () => {
    expect(cardCallbackToEvent({ ...jsonFixture<object>('card-callback.json'), outTrackId: '53d6dda444c74f5f17bf4534333c1a46' }, push)).toMatchObject({
      ok: false,
    });
    expect(cardCallbackToEvent({ ...jsonFixture<object>('card-callback.json'), content: '{not json' }, push)).toEqual({
      ok: false,
      reason: 'card callback content is not JSON',
    });
  });
});
