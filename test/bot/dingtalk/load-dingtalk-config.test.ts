import { describe, expect, it } from 'vitest';
import { loadDingtalkConfig } from '../../../bot/dingtalk/load-dingtalk-config.js';

const secret = 'AbCdEf0123456789-secret_value';
const full = { DINGTALK_CLIENT_ID: 'dingxmgjrobot0001', DINGTALK_CLIENT_SECRET: secret, DINGTALK_ROBOT_CODE: 'dingxmgjrobot0001' };

describe('loadDingtalkConfig', () => {
  it('is off when none of the three credentials is set', () => {
    expect(loadDingtalkConfig({ DINGTALK_MODE: 'http' })).toEqual({ status: 'absent' });
  });

  it('reads the full set with Stream mode and the public hosts by default', () => {
    expect(loadDingtalkConfig(full)).toEqual({
      status: 'configured',
      config: {
        clientId: 'dingxmgjrobot0001',
        clientSecret: secret,
        robotCode: 'dingxmgjrobot0001',
        mode: 'stream',
        cardTemplateId: undefined,
        apiBase: 'https://api.dingtalk.com',
        oapiBase: 'https://oapi.dingtalk.com',
      },
    });
  });

  it('takes http mode, a card template and another API host (trailing slash dropped)', () => {
    const result = loadDingtalkConfig({
      ...full,
      DINGTALK_MODE: 'http',
      DINGTALK_CARD_TEMPLATE_ID: 'a1b2c3d4-task.schema',
      DINGTALK_API_BASE: 'http://127.0.0.1:9/',
    });
    expect(result).toMatchObject({ status: 'configured', config: { mode: 'http', cardTemplateId: 'a1b2c3d4-task.schema', apiBase: 'http://127.0.0.1:9' } });
  });

  it('refuses a partial set in one line that starts with the missing variable', () => {
    const result = loadDingtalkConfig({ DINGTALK_CLIENT_ID: 'dingxmgjrobot0001', DINGTALK_ROBOT_CODE: '' });
    expect(result).toEqual({
      status: 'invalid',
      problems: ['DINGTALK_CLIENT_SECRET: DingTalk is half configured: set DINGTALK_CLIENT_SECRET, DINGTALK_ROBOT_CODE as well, or unset DINGTALK_CLIENT_ID'],
    });
  });

  it.each([
    ['DINGTALK_MODE', { DINGTALK_MODE: 'websocket' }],
    ['DINGTALK_CLIENT_SECRET', { DINGTALK_CLIENT_SECRET: 'short' }],
    ['DINGTALK_API_BASE', { DINGTALK_API_BASE: 'api.dingtalk.com' }],
    ['DINGTALK_CARD_TEMPLATE_ID', { DINGTALK_CARD_TEMPLATE_ID: 'has spaces' }],
  ])('names %s when its value is malformed, without echoing secrets', (name, override) => {
    const result = loadDingtalkConfig({ ...full, ...override });
    expect(result.status).toBe('invalid');
    const [problem, ...more] = (result as { problems: string[] }).problems;
    expect(more).toEqual([]);
    expect(problem!.startsWith(`${name}: `)).toBe(true);
    expect(problem).not.toContain('\n');
    expect(problem).not.toContain(secret);
    expect(problem).not.toContain('short');
  });
});
