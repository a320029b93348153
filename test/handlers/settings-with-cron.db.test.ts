// 设置 shows a schedule step written as a cron expression as the day and time it runs, marked as partly POLICY_FILE.
import { expect, it } from 'vitest';
import { createHarness } from '../support/harness.js';

it('shows cron schedule steps as their day and time', { timeout: 60_000 }, async () => {
  const h = await createHarness({ policy: { weekly: { meeting: '0 15 * * 5' }, monthlyDays: { ranking: '30 8 25 * *' } } });
  try {
    const text = (await h.say('admin', '设置')).at(-1)?.text ?? '';
    expect(text).toContain('· 每周：周二 09:00 征集问题（16:00 提醒），周三 09:00 报县领导，周五 15:00 例会（默认、POLICY_FILE）');
    expect(text).toContain('· 每月 09:00：1 日签约清单，3 日开工台账，5 日交办，20 日月报，25 日 08:30 排名，28 日集中签约（默认、POLICY_FILE）');
  } finally {
    await h.close();
  }
});
