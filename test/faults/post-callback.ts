// WeCom's POST of a text from one person to a bot process, encrypted and signed as WeCom does it.
// The text is `演练` and a number in the heavenly stems (演练乙丙 is 12): an unknown command with no
// digit, so the reply quotes it whole and each reply can be told apart.
import { CALLBACK_PATH } from '../../bot/wecom/create-wecom-router.js';
import { encryptCallback, fixture } from '../bot/wecom/wecom-fixtures.js';
import type { BotInstance } from './bot-process.js';
import type { Delivered } from './fake-wecom-server.js';

export const drillWord = (n: number) => `演练${[...String(n)].map((digit) => '癸甲乙丙丁戊己庚辛壬'[Number(digit)]).join('')}`;

/** Posts `演练n` from `from`; returns the status the bot answered and how long it took. */
export function postDrill(bot: BotInstance, n: number, from = 'window'): Promise<{ status: number; ms: number }> {
  return postText(bot, drillWord(n), from, 7_400_000_000_000_000_000n + BigInt(n));
}

/** Posts any text from `from` as WeCom message `msgId`, signed at `at` (a simulated clock's time). */
export async function postText(bot: BotInstance, text: string, from: string, msgId: bigint, at = new Date()): Promise<{ status: number; ms: number }> {
  const xml = fixture('text-message.xml')
    .replace('<![CDATA[window]]>', `<![CDATA[${from}]]>`)
    .replace('<![CDATA[帮助]]>', `<![CDATA[${text}]]>`)
    .replace(/<MsgId>\d+<\/MsgId>/, `<MsgId>${msgId}</MsgId>`);
  const { query, body } = encryptCallback(xml, { timestamp: String(Math.floor(at.getTime() / 1000)), nonce: String(msgId % 1_000_000_000n) });
  const started = Date.now();
  const response = await fetch(`${bot.url}${CALLBACK_PATH}?${new URLSearchParams(query)}`, { method: 'POST', body, signal: AbortSignal.timeout(10_000) });
  return { status: response.status, ms: Date.now() - started };
}

/** How often the reply to `演练n` reached `to`. */
export function drillReplies(delivered: readonly Delivered[], n: number, to = 'window'): number {
  return delivered.filter((item) => item.to === to && item.text.startsWith(`没有「${drillWord(n)}」这个命令`)).length;
}
