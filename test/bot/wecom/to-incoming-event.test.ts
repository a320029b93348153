import { describe, expect, it } from 'vitest';
import { parseCallbackXml } from '../../../bot/wecom/parse-callback-xml.js';
import { toIncomingEvent } from '../../../bot/wecom/to-incoming-event.js';
import { fixture } from './wecom-fixtures.js';

function convert(xml: string) {
  const parsed = parseCallbackXml(xml);
  if (!parsed.ok) throw new Error(parsed.reason);
  return toIncomingEvent(parsed.fields);
}

describe('toIncomingEvent', () => {
  it('turns a text message into a text event keyed by MsgId', () => {
    expect(convert(fixture('text-message.xml'))).toEqual({
      ok: true,
      event: { platform: 'wecom', type: 'text', sender: 'window', text: '帮助', dedupKey: 'msg:7412345678901234567', at: '2026-11-24T02:02:00.000Z' },
    });
  });

  it('turns a card button click into a card_action naming its task, action and response code', () => {
    expect(convert(fixture('template-card-event.xml'))).toMatchObject({
      ok: true,
      event: { type: 'card_action', sender: 'zrzy.agent', taskId: 12, action: 'take', responseCode: 'ZB8JAt3kB0ebcDdRjJBrkE0m8TXnP8WyR1p2UoGJaaQ' },
    });
  });

  it('keys two different clicks in the same second apart, and a retry of one click alike', () => {
    const click = fixture('template-card-event.xml');
    const key = (xml: string) => {
      const converted = convert(xml);
      return converted.ok && converted.event ? converted.event.dedupKey : undefined;
    };
    const finish = click.replace('take:12', 'finish:12').replace('ZB8JAt3k', 'QQ7hXc2m');
    expect(key(click)).toBe(key(click));
    expect(key(finish)).not.toBe(key(click));
    expect(key(click)).toContain('zrzy.agent:1795485780:template_card_event:take:12:task12-o5:');
  });

  it('turns enter_agent into enter, and other message types into a polite unsupported', () => {
    expect(convert(fixture('enter-agent-event.xml'))).toMatchObject({ ok: true, event: { type: 'enter', sender: 'window' } });
    expect(convert(fixture('image-message.xml'))).toMatchObject({ ok: true, event: { type: 'unsupported', what: 'image', dedupKey: 'msg:7412345678901234599' } });
  });

  it('answers a click on a button the bot did not make with unsupported, not an error', () => {
    const foreign = fixture('template-card-event.xml').replace('take:12', 'approve');
    expect(convert(foreign)).toMatchObject({ ok: true, event: { type: 'unsupported', what: 'template_card_event' } });
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
