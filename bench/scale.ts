// Scale: a command's round trip (received → handled → delivered to WeCom) with few and with many
// projects in the database — 进度 from 重点项目办 (who sees every project) and 帮助 — so a query
// per project or a scan per message shows as a ratio. In the bench's process, loops driven by hand.
import type { App } from '../bot/app.js';
import type { FakeWecom } from './fake-wecom.js';

// Ten of each stays under WeCom's 30 messages a minute to one member (the outbox paces beyond).
const ROUNDS = 10;

export interface RoundTrips {
  /** Command → median round trip in ms. */
  [command: string]: number;
}

export async function measureRoundTrips(app: App, fake: FakeWecom, label: string): Promise<RoundTrips> {
  const result: RoundTrips = {};
  for (const command of ['进度', '帮助']) {
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const before = fake.receipts.length;
      const started = performance.now();
      await app.receive({
        platform: 'wecom',
        account: 'office',
        dedupKey: `bench-${label}-${command}-${round}`,
        at: new Date().toISOString(),
        type: 'text',
        text: command,
      });
      await app.processInbound();
      while ((await app.deliver()) > 0);
      await fake.waitFor(before + 1, 10_000);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    result[command] = times[Math.floor(ROUNDS / 2)]!;
  }
  return result;
}
