// Shared by the WeCom tests: the official sample credentials, fixture files, and callbacks
// encrypted and signed the way WeCom does it.
import { readFileSync } from 'node:fs';
import { encrypt, getSignature } from '@wecom/crypto';
import type { WecomConfig } from '../../../bot/wecom/load-wecom-config.js';

const dir = new URL('../../fixtures/wecom/', import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), 'utf8');
}

export function jsonFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixture(name)) as T;
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
