import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptMessage } from '../../../bot/wecom/decrypt-message.js';
import { verifySignature } from '../../../bot/wecom/verify-signature.js';
import { openCallback, openUrlVerification } from '../../../bot/wecom/open-callback.js';
import { encryptCallback, fixture, sample } from './wecom-fixtures.js';

/** The sample's own time: it was signed in 2014, and callbacks over an hour old are refused. */
const secondsToDate = (seconds: string): Date => new Date(Number(seconds) * 1000);

describe('the official WeCom sample (加解密库 sample code)', () => {
  it('answers the URL verification with the decrypted echostr', () => {
    const { answer, ...query } = sample.urlVerification;
    expect(openUrlVerification(sample, query, secondsToDate(query.timestamp!))).toEqual({ ok: true, echo: answer });
  });

  it('verifies and decrypts the sample message from "mycreate"', () => {
    const { msg_signature, timestamp, nonce } = sample.message;
    const opened = openCallback(sample, { msg_signature, timestamp, nonce }, fixture('official-message.xml'), secondsToDate(timestamp!));
    expect(opened).toMatchObject({
      ok: true,
      event: { platform: 'wecom', type: 'text', account: 'mycreate', text: 'hello', dedupKey: `msg:${sample.message.msgId}` },
    });
  });

  it('refuses the sample echostr under any other signature', () => {
    const { echostr, timestamp, nonce } = sample.urlVerification;
    const signature = sample.urlVerification.msg_signature!.replace(/^5/, '6');
    expect(verifySignature({ token: sample.token, timestamp: timestamp!, nonce: nonce!, encrypted: echostr!, signature })).toBe(false);
    expect(verifySignature({ token: sample.token, timestamp: timestamp!, nonce: nonce!, encrypted: echostr!, signature: 'not hex' })).toBe(false);
  });
});

describe('decryptMessage', () => {
  it('refuses a payload whose receive id is not our CorpID', () => {
    const { body } = encryptCallback(fixture('text-message.xml'), { receiveId: 'wwsomeoneelse00000' });
    const encrypted = /CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(body)![1]!;
    expect(decryptMessage(sample.encodingAesKey, sample.corpId, encrypted)).toEqual({ ok: false, reason: 'receive id is not our CorpID' });
  });

  it('pads to 32-byte blocks: a payload padded to 16 bytes only is refused', () => {
    const key = Buffer.from(`${sample.encodingAesKey}=`, 'base64');
    const message = Buffer.from(`<xml>${'x'.repeat(20)}</xml>`);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(message.length);
    const plain = Buffer.concat([Buffer.alloc(16, 7), length, message, Buffer.from(sample.corpId)]);
    expect(plain.length % 32).toBeLessThan(16); // so 16-byte padding leaves a half block
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)); // Node pads to 16 (PKCS#7)
    const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
    expect(decryptMessage(sample.encodingAesKey, sample.corpId, encrypted)).toEqual({ ok: false, reason: 'ciphertext is not whole 32-byte blocks' });
  });

  it('refuses text that is not base64, without throwing', () => {
    expect(decryptMessage(sample.encodingAesKey, sample.corpId, 'not*base64')).toMatchObject({ ok: false });
    expect(decryptMessage(sample.encodingAesKey, sample.corpId, Buffer.alloc(32, 1).toString('base64'))).toMatchObject({ ok: false });
  });
});
