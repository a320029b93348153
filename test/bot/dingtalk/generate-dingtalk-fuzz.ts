// Generates hostile but validly signed DingTalk payloads for callback-fuzz.test.ts from a seeded
// PRNG (a failure reproduces with its seed): real-shaped robot messages and card clicks with
// fields dropped, retyped, enlarged, or salted with control characters, lone surrogates, absurd
// dates and unicode tricks. Every payload starts from its own sender and message id, `fz<serial>`,
// so none is a redelivery of another.
import { createRandom } from '../wecom/generate-fuzz-requests.js';
import { jsonFixture } from './dingtalk-fixtures.js';

const BASES = ['robot-text-message.json', 'robot-group-message.json', 'robot-picture-message.json', 'card-callback.json', 'card-callback-return.json'].map(
  (name) => jsonFixture(name),
);

const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udfff',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\uffff',
  '😀',
  '中',
  '\t',
  '\n',
  '\r',
  '"',
  '\\',
  '<',
  '%',
  '~',
  '|',
];
const NASTY_NUMBERS = [9e15, 8.64e15 + 1, -1, 0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 1795485781000, 4102444800000];

export function createDingtalkFuzzer(seed: number) {
  const random = createRandom(seed);
  let serial = 0;

  const nastyString = (): string => {
    const parts = Array.from({ length: 1 + random.int(6) }, () =>
      random.chance(0.5) ? random.pick(NASTY_CHARS) : random.text(1 + random.int(5), ['a', 'z', '0', '9', '-', '_', '.', '@', ' ']),
    );
    const value = parts.join('');
    return random.chance(0.03) ? value.repeat(2000) : value;
  };
  const nastyValue = (): unknown =>
    random.pick([
      nastyString,
      () => random.pick(NASTY_NUMBERS),
      () => null,
      () => true,
      () => [],
      () => ({}),
      () => [nastyString()],
      () => ({ content: nastyString() }),
      () => String(random.pick(NASTY_NUMBERS)),
      () => '',
    ])();

  function mutate(value: Record<string, unknown>): Record<string, unknown> {
    const result: Record<string, unknown> = { ...value };
    const keys = Object.keys(result);
    for (let i = 1 + random.int(3); i > 0; i--) {
      const key = random.pick(keys);
      const roll = random.int(5);
      if (roll === 0) delete result[key];
      else if (roll === 1 && typeof result[key] === 'string') result[key] = `${result[key] as string}${nastyString()}`;
      else if (roll === 2 && typeof result[key] === 'string') {
        const text = result[key] as string;
        const at = random.int(text.length + 1);
        result[key] = `${text.slice(0, at)}${random.pick(NASTY_CHARS)}${text.slice(at)}`;
      } else if (roll === 3 && key === 'text') result[key] = { content: nastyString() };
      else result[key] = nastyValue();
    }
    if (random.chance(0.2)) result[nastyString()] = nastyValue();
    return result;
  }

  /** A card click's `content` is JSON inside JSON: mutate what is inside too. */
  function mutateCardContent(): string {
    const params: Record<string, unknown> = { buttonId: random.pick(['take', 'return', 'finish', nastyString()]) };
    if (random.chance(0.5)) params.input = random.chance(0.5) ? nastyString() : nastyValue();
    const content = { cardPrivateData: { actionIds: random.chance(0.3) ? [nastyString()] : [], params: random.chance(0.1) ? nastyValue() : params } };
    return random.chance(0.05) ? `${JSON.stringify(content).slice(0, -3)}` : JSON.stringify(content);
  }

  return {
    random,
    /** A payload as DingTalk would send it, mutated; robot payloads go to the robot topic, clicks to the card topic. */
    next(): { card: boolean; data: Record<string, unknown> } {
      serial += 1;
      const base = { ...random.pick(BASES) };
      const card = 'outTrackId' in base;
      if (card) {
        base.userId = `fz${serial}`;
        base.outTrackId = `task:${serial}~${serial}`;
        base.content = mutateCardContent();
      } else {
        base.senderStaffId = `fz${serial}`;
        base.msgId = `fz${serial}-${random.int(1e9)}`;
      }
      return { card, data: random.chance(0.9) ? mutate(base) : base };
    },
    nastyString,
    nastyValue,
  };
}
