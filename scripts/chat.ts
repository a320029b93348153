// Terminal chat with a running bot, like Hubot's shell adapter: `npm run chat -- --as <userid>`.
// Each line goes to the bot as a message from that person, through the same handler path as a
// WeCom message; everything the bot sends, to anyone, is printed with its recipient.
// Piped input (`echo 帮助 | npm run chat -- --as window`) sends each line, prints the answers
// and exits.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { as: { type: 'string' }, url: { type: 'string' }, clock: { type: 'string' } } });
const base = values.url ?? `http://127.0.0.1:${process.env.PORT || 3000}`;
if (!values.as) {
  console.error('usage: npm run chat -- --as <userid> [--clock "2026-12-01 09:00"]   (e.g. --as window; see bot/roster/demo-roster.csv)');
  process.exit(2);
}
const me = values.as;

interface Delivery {
  recipient: string;
  name: string;
  text: string;
}

let lastMessageAt = Date.now();
let connected: () => void;
const listening = new Promise<void>((resolve) => (connected = resolve));

async function listen(): Promise<void> {
  const response = await fetch(`${base}/local/messages`);
  if (!response.ok || !response.body) throw new Error(`the bot answered ${response.status}`);
  connected();
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!frame.startsWith('data: ')) continue;
      const delivery = JSON.parse(frame.slice(6)) as Delivery;
      lastMessageAt = Date.now();
      const to = delivery.recipient === me ? '你' : `${delivery.name} (${delivery.recipient})`;
      console.log(`\n项目管家 → ${to}:\n${indent(delivery.text)}`);
    }
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}

async function say(text: string): Promise<void> {
  const response = await fetch(`${base}/local/say`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ as: me, text }),
  });
  if (!response.ok) console.error(`(not delivered: ${response.status} ${await response.text()})`);
}

listen().catch((error: unknown) => {
  console.error(`项目管家 is not reachable at ${base} (${(error as Error).message}). Start it first with: npm start`);
  process.exit(1);
});

// --clock "2026-12-01 09:00" (Asia/Shanghai): move the local bot's clock; the digests due then are sent.
if (values.clock) {
  await listening;
  const response = await fetch(`${base}/local/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ at: values.clock }),
  });
  console.log(response.ok ? `(bot clock moved to ${values.clock})` : `(clock not moved: ${response.status} ${await response.text()})`);
}

const interactive = process.stdin.isTTY;
const lines = createInterface({ input: process.stdin, output: process.stdout, prompt: interactive ? `${me}> ` : '' });
if (interactive) {
  console.log(`Chatting with 项目管家 at ${base} as ${me}. Type 帮助 for commands, Ctrl-D to quit.`);
  lines.prompt();
}
for await (const line of lines) {
  if (line.trim()) await say(line.trim());
  if (interactive) lines.prompt();
}
if (!interactive) {
  // Piped input: wait until the bot has been quiet for a moment, then leave.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  while (Date.now() - lastMessageAt < 1500) await new Promise((resolve) => setTimeout(resolve, 250));
}
process.exit(0);
