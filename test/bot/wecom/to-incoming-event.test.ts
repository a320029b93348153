import { describe, expect, it } from 'vitest';
import { parseCallbackXml } from '../../../bot/wecom/parse-callback-xml.js';
import { toIncomingEvent } from '../../../bot/wecom/to-incoming-event.js';
import { cardClickXml, fixture } from './wecom-fixtures.js';

function convert(xml: string) {
  const parsed = parseCallbackXml(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  return toIncomingEvent(parsed.fields);
}

describe('toIncomingEvent', () => {
  it('turns a text message into a text event keyed by MsgId', () => {
    expect(convert(fixture('text-message.xml'))).toEqual({
      ok: true,
      event: { platform: 'wecom', type: 'text', account: 'window', text: '帮助', dedupKey: 'msg:7412345678901234567', at: '2026-11-24T02:02:00.000Z' },
    });
  });

  it('turns a card button click into a card_action naming its card and button, and keeps the response code apart', () => {
    expect(convert(cardClickXml('take', 'task:12'))).toEqual({
      ok: true,
      event: {
        platform: 'wecom',
        type: 'card_action',
        account: 'zrzy.agent',
        cardKey: 'task:12',
        buttonId: 'take',
        dedupKey: expect.any(String),
        at: '2026-11-24T02:03:00.000Z',
      },
      // WeCom's handle for updating this person's card stays with the adapter, out of the neutral event.
      cardHandle: {
        cardKey: 'task:12',
        account: 'zrzy.agent',
        handle: 'ZB8JAt3kB0ebcDdRjJBrkE0m8TXnP8WyR1p2UoGJaaQ',
        issuedAt: new Date('2026-11-24T02:03:00.000Z'),
      },
    });
  });

  it('hands a click without a ResponseCode over with no handle to keep', () => {
    const converted = convert(cardClickXml('finish', 'task:12').replace(/<ResponseCode>.*<\/ResponseCode>/, ''));
    expect(converted).toMatchObject({ ok: true, event: { type: 'card_action', cardKey: 'task:12', buttonId: 'finish' } });
    expect(converted).not.toHaveProperty('cardHandle');
  });

  it('keys two different clicks in the same second apart, and a retry of one click alike', () => {
    const click = cardClickXml('take', 'task:12');
    const key = (xml: string) => {
      const converted = convert(xml);
      return converted.ok && converted.event ? converted.event.dedupKey : undefined;
    };
    const finish = cardClickXml('finish', 'task:12').replace('ZB8JAt3k', 'QQ7hXc2m');
    expect(key(click)).toBe(key(click));
    expect(key(finish)).not.toBe(key(click));
    expect(key(click)).toContain('zrzy.agent:1795485780:template_card_event:take|task:12:task12-o5:');
  });

  it('turns enter_agent into enter, and other message types into a polite unsupported', () => {
    expect(convert(fixture('enter-agent-event.xml'))).toMatchObject({ ok: true, event: { type: 'enter', account: 'window' } });
    expect(convert(fixture('image-message.xml'))).toMatchObject({
      ok: true,
      event: { type: 'unsupported', what: 'image', dedupKey: 'msg:7412345678901234599' },
    });
  });

  it('answers a click on a button the bot did not make with unsupported, not an error', () => {
    const foreign = fixture('template-card-event.xml').replace('take:12', 'approve');
    expect(convert(foreign)).toMatchObject({ ok: true, event: { type: 'unsupported', what: 'template_card_event' } });
    expect(convert(cardClickXml('take', ''))).toMatchObject({ ok: true, event: { type: 'unsupported', what: 'template_card_event' } });
  });

  it('ignores automatic LOCATION reports rather than answering each one', () => {
    expect(convert(fixture('location-event.xml'))).toEqual({ ok: true, event: null, ignored: 'LOCATION' });
  });

  it('refuses a message with missing or ill-typed fields', () => {
    expect(convert(fixture('text-message.xml').replace(/<MsgId>.*<\/MsgId>/, ''))).toEqual({ ok: false, reason: 'message without MsgId' });
    expect(convert('<xml><FromUserName>x</FromUserName></xml>')).toMatchObject({ ok: false, reason: expect.stringContaining('ToUserName') });
    expect(convert(fixture('text-message.xml').replace('<MsgId>', '<MsgId>1</MsgId><MsgId>'))).toMatchObject({ ok: false });
  });
});

describe('parseCallbackXml', () => {
  it('refuses a DOCTYPE with entity declarations instead of expanding them', () => {
    expect(parseCallbackXml(fixture('entity-expansion.xml'))).toEqual({ ok: false, reason: 'XML with a DOCTYPE or entity declaration' });
  });

  it('refuses malformed XML and a document without an <xml> root', () => {
    expect(parseCallbackXml('<xml><Content>unclosed</xml>')).toMatchObject({ ok: false, reason: expect.stringContaining('malformed XML') });
    expect(parseCallbackXml('<root><a>1</a></root>')).toEqual({ ok: false, reason: 'no <xml> root element' });
  });

  it('keeps text as written: no entity is expanded, long ids stay strings', () => {
    const parsed = parseCallbackXml('<xml><Content><![CDATA[a &amp; b < c]]></Content><MsgId>7412345678901234567</MsgId></xml>');
    expect(parsed).toEqual({ ok: true, fields: { Content: 'a &amp; b < c', MsgId: '7412345678901234567' } });
  });
});
