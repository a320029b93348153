import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../domain/policy.js';

describe('policy unitAliases', () => {
  it("takes a county's short names, one unit or several", () => {
    const resolved = resolvePolicy({ unitAliases: { 国土: '自然资源局', 电业局: ['供电公司', '供电局'] } });
    expect(resolved).toMatchObject({ ok: true, policy: { unitAliases: { 国土: '自然资源局', 电业局: ['供电公司', '供电局'] } } });
  });

  it('defaults to none and refuses a bad value at start', () => {
    expect(resolvePolicy(undefined)).toMatchObject({ ok: true, policy: { unitAliases: {} } });
    expect(resolvePolicy({ unitAliases: { 国土: 3 } })).toMatchObject({ ok: false });
    expect(resolvePolicy({ unitAliases: { 国土: [] } })).toMatchObject({ ok: false });
  });
});
