// Terminal chat with a running bot, like Hubot's shell adapter: `npm run chat -- --as <userid>`.
// Each line goes to the bot as a message from that person, through the same handler path as a
// WeCom message; everything the bot sends, to anyone, is printed with its recipient.
// Piped input (`echo 帮助 | npm run chat -- --as window`) sends each line, waits for the bot's
// answer to it, prints everything and exits. A line ending in `\` continues on the next line, so a
// multi-line command (登记项目 with one field a line, 事项 增加, 日历 导入) is one message.
// `--file 台账.xlsx` first sends that file, as a WeCom or DingTalk file message would (a ledger to import).
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { MAX_IMPORT_BYTES } from '../domain/import/read-import-sheet.js';

const { values } = parseArgs({ options: { as: { type: 'string' }, url: { type: 'string' }, clock: { type: 'string' }, file: { type: 'string' } } });
const base = values.url ?? `http://127.0.0.1:${process.env.PORT || 3000}`;
if (!values.as) {
  console.error('usage: npm run chat -- --as <userid> [--clock "2026-12-01 09:00"] [--file 台账.xlsx]   (e.g. --as window; see bot/roster/demo-roster.csv)');
  process.exit(2);
}
const me = values.as;

interface Delivery {
  recipient: string;
  name: string;
  text: string;
}

let lastMessageAt = Date.now();
/** Deliveries to this person so far: an answer to each line said arrives as one of them. */
let toMe = 0;
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
      if (delivery.recipient === me) toMe += 1;
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

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (at most 30 s) for the bot's answer after `before` deliveries to this person. */
async function answered(before: number): Promise<void> {
  for (const until = Date.now() + 30_000; toMe === before && Date.now() < until;) await pause(50);
}

// --file 台账.xlsx: a file larger than the bot takes goes as its name and size only, and the bot says so.
if (values.file) {
  await listening;
  const bytes = await readFile(values.file);
  const before = toMe;
  const response = await fetch(`${base}/local/file`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      as: me,
      name: basename(values.file),
      size: bytes.length,
      ...(bytes.length <= MAX_IMPORT_BYTES && { content: bytes.toString('base64') }),
    }),
  });
  if (!response.ok) console.error(`(file not delivered: ${response.status} ${await response.text()})`);
  else await answered(before);
}

const interactive = process.stdin.isTTY;
const lines = createInterface({ input: process.stdin, output: process.stdout, prompt: interactive ? `${me}> ` : '' });
if (interactive) {
  console.log(`Chatting with 项目管家 at ${base} as ${me}. Type 帮助 for commands; end a line with \\ to go on with the next; Ctrl-D to quit.`);
  lines.prompt();
}
let pending: string[] = [];
for await (const line of lines) {
  if (line.endsWith('\\')) {
    pending.push(line.slice(0, -1).trimEnd());
    if (interactive) process.stdout.write('… ');
    continue;
  }
  const text = [...pending, line].join('\n').trim();
  pending = [];
  if (text) {
    const before = toMe;
    await say(text);
    // Piped: the next line waits for this one's answer (at most 30 s), as a person would.
    if (!interactive) await answered(before);
  }
  if (interactive) lines.prompt();
}
if (!interactive) {
  // Then the notices the last answers caused, until the bot has been quiet for a moment.
  while (Date.now() - lastMessageAt < 1000) await pause(100);
}
process.exit(0);
