// Shared by the WeCom tests: the official sample credentials, fixture files, and callbacks
// encrypted and signed the way WeCom does it.
import { readFileSync } from 'node:fs';
import { encrypt, getSignature } from '@wecom/crypto';
import { encodeCardButtonKey } from '../../../bot/wecom/card-button-key.js';
import type { WecomConfig } from '../../../bot/wecom/load-wecom-config.js';

const dir = new URL('../../fixtures/wecom/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export function jsonFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixture(name)) as T;
}

/**
 * The card-click fixture (template-card-event.xml) with its EventKey as the bot's cards carry it
 * now, `take|task:12` (card-button-key.ts), for the button and card given.
 */
export function cardClickXml(buttonId = 'take', cardKey = 'task:12'): string {
  return fixture('template-card-event.xml').replace('<![CDATA[take:12]]>', `<![CDATA[${encodeCardButtonKey(buttonId, cardKey)}]]>`);
}

export const sample = jsonFixture<{
  token: string;
  encodingAesKey: string;
  corpId: string;
  urlVerification: Record<string, string>;
  message: Record<string, string>;
}>('official-sample.json');

export const API_BASE = 'http://wecom.fake';

export const config: WecomConfig = {
  corpId: sample.corpId,
  agentId: 1000002,
  secret: 'test-secret-not-real',
  token: sample.token,
  encodingAesKey: sample.encodingAesKey,
  apiBase: API_BASE,
};

/** A POST callback as WeCom sends it: the XML encrypted for `receiveId`, signed with our token. */
export function encryptCallback(plainXml: string, { receiveId = sample.corpId, timestamp = '1795485781', nonce = '1372623149' } = {}) {
  const encrypted = encrypt(sample.encodingAesKey, plainXml, receiveId);
  const query = { msg_signature: getSignature(sample.token, timestamp, nonce, encrypted), timestamp, nonce };
  const body = `<xml><ToUserName><![CDATA[${sample.corpId}]]></ToUserName><Encrypt><![CDATA[${encrypted}]]></Encrypt><AgentID><![CDATA[${config.agentId}]]></AgentID></xml>`;
  return { query, body };
}

/**
 * Reads the invisible mark the WeCom messenger appends to a text (send-app-message.ts markWithId):
 * the text a person sees, and the outbox row it names (null when there is no mark).
 */
export function readMark(content: string): { text: string; outboxId: bigint | null } {
  const found = /\u2060([\u200b\u200c]+)$/.exec(content);
  if (!found) return { text: content, outboxId: null };
  const bits = found[1]!.replace(/\u200b/g, '0').replace(/\u200c/g, '1');
  return { text: content.slice(0, found.index), outboxId: BigInt(`0b${bits}`) };
}
