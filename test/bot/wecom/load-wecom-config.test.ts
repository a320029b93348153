import { describe, expect, it } from 'vitest';
import { loadWecomConfig } from '../../../bot/wecom/load-wecom-config.js';
import { sample } from './wecom-fixtures.js';

const full = {
  WECOM_CORP_ID: sample.corpId,
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'secret',
  WECOM_TOKEN: sample.token,
  WECOM_ENCODING_AES_KEY: sample.encodingAesKey,
};

describe('loadWecomConfig', () => {
  it('is off when none of the five is set', () => {
    expect(loadWecomConfig({})).toBeUndefined();
  });

  it('refuses a partial set, naming what is missing', () => {
    expect(() => loadWecomConfig({ WECOM_CORP_ID: sample.corpId, WECOM_SECRET: 's' })).toThrow(
      'WeCom is half configured: set WECOM_AGENT_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY as well, or unset WECOM_CORP_ID, WECOM_SECRET',
    );
  });

  it('reads the full set with the public API host by default, or a private host', () => {
    expect(loadWecomConfig(full)).toEqual({
      corpId: sample.corpId,
      agentId: 1000002,
      secret: 'secret',
      token: sample.token,
      encodingAesKey: sample.encodingAesKey,
      apiBase: 'https://qyapi.weixin.qq.com',
    });
    expect(loadWecomConfig({ ...full, WECOM_API_BASE: 'http://127.0.0.1:9000/' })?.apiBase).toBe('http://127.0.0.1:9000');
  });

  it('names a malformed value', () => {
    expect(() => loadWecomConfig({ ...full, WECOM_ENCODING_AES_KEY: 'short' })).toThrow(/^WECOM_ENCODING_AES_KEY: expected the 43-character EncodingAESKey$/);
    expect(() => loadWecomConfig({ ...full, WECOM_AGENT_ID: 'abc' })).toThrow(/^WECOM_AGENT_ID:/);
  });
});
