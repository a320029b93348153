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
    expect(loadWecomConfig({})).toEqual({ status: 'absent' });
  });

  it('refuses a partial set in one line that starts with the first missing variable', () => {
    expect(loadWecomConfig({ WECOM_CORP_ID: sample.corpId, WECOM_SECRET: 's' })).toEqual({
      status: 'invalid',
      problems: [
        'WECOM_AGENT_ID: WeCom is half configured: set WECOM_AGENT_ID, WECOM_TOKEN, WECOM_ENCODING_AES_KEY as well, or unset WECOM_CORP_ID, WECOM_SECRET',
      ],
    });
  });

  it('reads the full set with the public API host by default, or a private host', () => {
    expect(loadWecomConfig(full)).toEqual({
      status: 'configured',
      config: {
        corpId: sample.corpId,
        agentId: 1000002,
        secret: 'secret',
        token: sample.token,
        encodingAesKey: sample.encodingAesKey,
        apiBase: 'https://qyapi.weixin.qq.com',
      },
    });
    expect(loadWecomConfig({ ...full, WECOM_API_BASE: 'http://127.0.0.1:9000/' })).toMatchObject({ config: { apiBase: 'http://127.0.0.1:9000' } });
  });

  it('names each malformed value in a line of its own', () => {
    expect(loadWecomConfig({ ...full, WECOM_ENCODING_AES_KEY: 'short' })).toEqual({
      status: 'invalid',
      problems: ['WECOM_ENCODING_AES_KEY: expected the 43-character EncodingAESKey'],
    });
    const both = loadWecomConfig({ ...full, WECOM_AGENT_ID: 'abc', WECOM_TOKEN: 'not a token' });
    expect(both.status === 'invalid' && both.problems.map((line) => line.split(':')[0])).toEqual(['WECOM_AGENT_ID', 'WECOM_TOKEN']);
  });
});
