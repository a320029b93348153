// Generates hostile WeCom callback requests for callback-fuzz.test.ts from a seeded PRNG, so a
// failure reproduces with its seed. Each request knows whether it was signed correctly with a
// fresh timestamp: only those may ever leave a row in Inbound. Every message has its own sender,
// `fz<serial>`, so a row names the request that wrote it.
import { encrypt, getSignature } from '@wecom/crypto';
import { sample } from './wecom-fixtures.js';

export interface FuzzRequest {
  kind: string;
  method: 'GET' | 'POST';
  /** The raw query string, without `?`. */
  query: string;
  headers: Record<string, string>;
  /** Sent as these chunks; without a content-length (chunked) when `chunked`. */
  body: Buffer[];
  chunked: boolean;
  /**
   * `fz<serial>`, the sender of a message that was signed correctly with a fresh timestamp, or
   * whose mutation left it so: only such senders may have a row. Unset: the request is unsigned,
   * stale or otherwise refused by policy (DOCTYPE), and must store nothing.
   */
  mayStore?: string;
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number): number => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number): boolean => next() < p;
  const text = (length: number, alphabet: readonly string[]): string => Array.from({ length }, () => pick(alphabet)).join('');
  const bytes = (length: number): Buffer => Buffer.from(Array.from({ length }, () => int(256)));
  return { next, int, pick, chance, text, bytes };
}

/** The server's clock in the fuzz test: 2026-11-24T02:00:00Z. */
export const FUZZ_NOW_SECONDS = 1795485600;

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const CONTROLS = [...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)), '\u007f'];
const UNICODE_TRICKS = [
  '\u202e',
  '\u200d',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  '中',
  '＜',
  '＞',
  '\u0085',
  '\u2028',
  'ｘｍｌ',
  'é',
  'e\u0301',
  '\uffff',
  '\u{10ffff}',
];
const XML_BITS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  '<![CDATA[',
  "<!'CDATA[",
  '<!--',
  '-->',
  '<?',
  '?>',
  '&#0;',
  '&#x0;',
  '&lt;',
  '&amp;',
  '</xml>',
  '<xml>',
  '<!DOCTYPE',
  '<!ENTITY',
  '/>',
  '=',
];
const BASE64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];
/** Many distinct CJK characters (3 UTF-8 bytes each), which compress poorly. */
const CJK = Array.from({ length: 20_000 }, (_, i) => String.fromCharCode(0x4e00 + i));
const ANYTHING = [...ASCII, ...CONTROLS, ...UNICODE_TRICKS, ...XML_BITS];
const CONTENT_TYPES = [
  'text/xml',
  'application/xml',
  'application/json',
  'text/plain; charset=gbk',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  '',
  'text/xml; charset=utf-16',
  '*/*',
];

const BILLION_LAUGHS = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>`;

function cdata(value: string): string {
  return `<![CDATA[${value}]]>`;
}

function envelope(encrypted: string): string {
  return `<xml><ToUserName>${cdata(sample.corpId)}</ToUserName><Encrypt>${cdata(encrypted)}</Encrypt><AgentID>${cdata('1000002')}</AgentID></xml>`;
}

/** Percent-encodes the UTF-8 bytes (encodeURIComponent throws on a lone surrogate). */
function encode(value: string): string {
  return [...Buffer.from(value)]
    .map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0')}`))
    .join('');
}

function query(params: [string, string][]): string {
  return params.map(([key, value]) => `${encode(key)}=${encode(value)}`).join('&');
}

function signedQuery(encrypted: string, timestamp: string, nonce: string): string {
  return query([
    ['msg_signature', getSignature(sample.token, timestamp, nonce, encrypted)],
    ['timestamp', timestamp],
    ['nonce', nonce],
  ]);
}

export function createFuzzer(seed: number) {
  const r = createRandom(seed);
  let serial = 0;
  const fresh = (): string => String(FUZZ_NOW_SECONDS + r.int(7000) - 3500);
  const nonce = (): string => String(r.int(1e9));
  const post = (kind: string, q: string, body: string | Buffer, extra: Partial<FuzzRequest> = {}): FuzzRequest => ({
    kind,
    method: 'POST',
    query: q,
    headers: { 'content-type': r.pick(['text/xml', 'text/xml', 'application/xml']) },
    body: [typeof body === 'string' ? Buffer.from(body) : body],
    chunked: r.chance(0.2),
    ...extra,
  });

  /** A plausible decrypted message from a unique sender, text or event. */
  function message(sender: string): string {
    const createTime = String(FUZZ_NOW_SECONDS - r.int(60));
    const head = `<xml><ToUserName>${cdata(sample.corpId)}</ToUserName><FromUserName>${cdata(sender)}</FromUserName><CreateTime>${createTime}</CreateTime>`;
    if (r.chance(0.6)) {
      const content = r.chance(0.5) ? r.text(1 + r.int(40), ['中', '文', '帮', '助', ...ASCII]) : r.text(1 + r.int(60), ANYTHING);
      return `${head}<MsgType>${cdata('text')}</MsgType><Content>${cdata(content)}</Content><MsgId>${String(7e18 + serial * 1000 + r.int(1000))}</MsgId><AgentID>1000002</AgentID></xml>`;
    }
    const event = r.pick(['enter_agent', 'template_card_event', 'LOCATION', 'click', 'subscribe']);
    const key = r.pick(['take:12', 'finish:99', 'return:1', 'take:0', 'take:99999999999', r.text(r.int(30), ANYTHING)]);
    return `${head}<MsgType>${cdata('event')}</MsgType><Event>${cdata(event)}</Event><EventKey>${cdata(key)}</EventKey><TaskId>${cdata(`t${serial}`)}</TaskId><ResponseCode>${cdata(r.text(20, BASE64))}</ResponseCode></xml>`;
  }

  function signed(plain: string, timestamp = fresh()) {
    const encrypted = encrypt(sample.encodingAesKey, plain, sample.corpId);
    return { encrypted, q: signedQuery(encrypted, timestamp, nonce()), body: envelope(encrypted) };
  }

  const generators: Record<string, () => FuzzRequest> = {
    garbage: () => post('garbage', r.chance(0.5) ? '' : r.text(r.int(80), ASCII), r.chance(0.5) ? r.bytes(r.int(2000)) : r.text(r.int(500), ANYTHING)),

    'malformed xml': () => {
      const { q, body } = signed(message(`fz${serial}`));
      const at = r.int(body.length);
      const broken = r.pick([
        () => body.slice(0, at),
        () => body.slice(0, at) + r.pick(XML_BITS) + body.slice(at),
        () => body.slice(0, at) + body.slice(at + 1 + r.int(20)),
        () => body.replace('<AgentID>', "<AgentID><!'CDATA[1]]>"),
        () => `<xml>${'<a>'.repeat(2000 + r.int(3000))}x${'</a>'.repeat(2000)}</xml>`,
        () => body.replace('<xml>', '<xml a="1" b=\'2\' c>'),
        () => body.replace('<xml>', '<XML>'),
        () => `<?xml version="1.0" encoding="gbk"?><?pi x?><!-- c -->${body}<!-- tail -->`,
      ])();
      // Some changes (a comment before <xml>, a character inside <ToUserName>) leave it signed.
      return post('malformed xml', q, broken, { mayStore: `fz${serial}` });
    },

    'doctype and entities': () => {
      const sender = `fz${serial}`;
      if (r.chance(0.5)) {
        const { q, body } = signed(message(sender));
        return post('doctype outside', q, `${BILLION_LAUGHS}${body.replace('<AgentID>', '<Lol>&c;&x;</Lol><AgentID>')}`);
      }
      const { q, body } = signed(`${BILLION_LAUGHS}${message(sender).replace('<CreateTime>', '<L>&c;&x;</L><CreateTime>')}`);
      return post('doctype inside', q, body);
    },

    'bad base64': () => {
      const raw = r.pick([
        () => r.text(1 + r.int(200), BASE64),
        () => `${r.text(4 * (1 + r.int(40)), BASE64)}===`,
        () => `${r.text(20, BASE64)}=${r.text(19, BASE64)}`,
        () => r.bytes(32 * (1 + r.int(8))).toString('base64'),
        () => r.bytes(1 + r.int(100)).toString('base64'),
        () => r.bytes(64).toString('base64url'),
        () => `${r.bytes(48).toString('base64')}\n${r.bytes(48).toString('base64')}`,
        () => r.text(40, ANYTHING),
        () => ' ',
      ])();
      return post('bad base64', signedQuery(raw, fresh(), nonce()), envelope(raw));
    },

    signatures: () => {
      const sender = `fz${serial}`;
      const ts = fresh();
      const n = nonce();
      const encrypted = encrypt(sample.encodingAesKey, message(sender), sample.corpId);
      const good = getSignature(sample.token, ts, n, encrypted);
      const signature = r.pick<string | string[] | undefined>([
        undefined,
        '',
        r.text(40, [...'0123456789abcdef']),
        good.toUpperCase(),
        good.slice(0, 39),
        `${good}0`,
        `${good.slice(0, 38)}zz`,
        [good, good],
        getSignature('otherToken', ts, n, encrypted),
        r.text(r.int(300), ANYTHING),
      ]);
      const params: [string, string][] = [
        ['timestamp', ts],
        ['nonce', n],
      ];
      if (Array.isArray(signature)) signature.forEach((value) => params.push(['msg_signature', value]));
      else if (signature !== undefined) params.push(['msg_signature', signature]);
      if (r.chance(0.1)) params.splice(r.int(params.length), 1);
      // Dropping one of two good signatures above leaves exactly one: signed after all.
      const signatures = params.filter(([key]) => key === 'msg_signature').map(([, value]) => value.toLowerCase());
      const complete = params.length === 3 && signatures.length === 1 && signatures[0] === good;
      return post('signatures', query(params), envelope(encrypted), complete ? { mayStore: sender } : {});
    },

    timestamps: () => {
      const sender = `fz${serial}`;
      const timestamp = r.pick([
        '0',
        '-5',
        'abc',
        '1e9',
        `${FUZZ_NOW_SECONDS}.5`,
        ` ${FUZZ_NOW_SECONDS}`,
        `${FUZZ_NOW_SECONDS}0000`,
        '4102444800',
        '99999999999999999999',
        String(FUZZ_NOW_SECONDS - 3601 - r.int(1e8)),
        String(FUZZ_NOW_SECONDS + 3601 + r.int(1e8)),
        `0x${FUZZ_NOW_SECONDS.toString(16)}`,
        '１７９５４８５６００',
      ]);
      const { q, body } = signed(message(sender), timestamp);
      return post('timestamps', q, body);
    },

    sizes: () => {
      const sender = `fz${serial}`;
      const { q, body } = signed(message(sender));
      const which = r.int(4);
      if (which === 0)
        return post('size: over 64 KB', q, body.replace('</xml>', `<Pad>${'x'.repeat(65_536 + r.int(r.chance(0.1) ? 900_000 : 100_000))}</Pad></xml>`));
      if (which === 1) return post('size: empty', r.chance(0.5) ? q : '', '');
      if (which === 2) return post('size: just under 64 KB', q, body.replace('</xml>', `<Pad>${'y'.repeat(60_000)}</Pad></xml>`), { mayStore: sender });
      // A valid message in many small chunks: must arrive whole.
      const bytes = Buffer.from(body);
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length;) {
        const size = 1 + r.int(50);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      return { ...post('size: chunked pieces', q, ''), body: chunks, chunked: true, mayStore: sender };
    },

    'control characters': () => {
      const sender = `fz${serial}`;
      const control = r.pick(CONTROLS);
      const where = r.int(4);
      if (where === 0) {
        const { q, body } = signed(message(sender).replace(/<Content><!\[CDATA\[/, `$&${control}`));
        return post('controls in content', q, body, { mayStore: sender });
      }
      if (where === 1) {
        const { q, body } = signed(message(`${sender}${control}`));
        return post('controls in sender', q, body, '\t\n\r'.includes(control) ? { mayStore: sender } : {});
      }
      if (where === 2) {
        const { q, body } = signed(message(sender));
        return post(
          'controls in envelope',
          q,
          body.replace(sample.corpId, `${sample.corpId}${control}`),
          '\t\n\r'.includes(control) ? { mayStore: sender } : {},
        );
      }
      const { q, body } = signed(message(sender));
      return post('controls in query', `${q}&nonce=${encode(control)}`.replace(/^msg_signature=[^&]*/, `msg_signature=%00${r.text(3, BASE64)}`), body);
    },

    'content types': () => {
      const sender = `fz${serial}`;
      const { q, body } = signed(message(sender));
      const contentType = r.pick(CONTENT_TYPES);
      return {
        ...post('content types', q, body, { mayStore: sender }),
        headers: contentType ? { 'content-type': contentType } : ({} as Record<string, string>),
      };
    },

    unicode: () => {
      const sender = `fz${serial}`;
      const trick = r.int(6);
      if (trick === 0) {
        const suffix = r.text(1 + r.int(4), UNICODE_TRICKS);
        const { q, body } = signed(message(`${sender}${suffix}`));
        return post('unicode sender', q, body, { mayStore: sender });
      }
      const { q, body } = signed(message(sender));
      if (trick === 1) return post('unicode: BOM', q, `\ufeff${body}`, { mayStore: sender });
      if (trick === 2) return post('unicode: UTF-16', q, Buffer.from(body, 'utf16le'));
      if (trick === 3) {
        const bytes = Buffer.from(body);
        const at = r.int(bytes.length);
        const bad = Buffer.from(r.pick([[0xc0, 0xaf], [0xff], [0xed, 0xa0, 0x80], [0xe0, 0x80, 0xbc]]));
        // Outside <Encrypt> the bad bytes become U+FFFD in a signed envelope.
        return post('unicode: invalid UTF-8', q, Buffer.concat([bytes.subarray(0, at), bad, bytes.subarray(at)]), { mayStore: sender });
      }
      if (trick === 4) return post('unicode: fullwidth', q, body.replace(/</g, '＜').replace(/>/g, '＞'));
      if (r.chance(0.5)) return post('unicode: query', `${q}&timestamp=${encode(r.text(3, UNICODE_TRICKS))}`, body);
      return post(
        'unicode: broken percent-encoding',
        r.pick(['timestamp=%E4%B8&nonce=%ZZ%', '%', 'msg_signature=%FF%FE&timestamp=%00', `${q}%`, q.replace('=', '=%C0%AF')]),
        body,
      );
    },

    'mutated signed message': () => {
      const sender = `fz${serial}`;
      const { encrypted, q, body } = signed(message(sender));
      let mutatedQuery = q;
      let mutatedBody = body;
      let stillSigned = true;
      for (let i = 1 + r.int(3); i > 0; i -= 1) {
        const what = r.int(7);
        if (what === 0) {
          const at = r.int(encrypted.length);
          const replacement = r.pick(BASE64.filter((c) => c !== encrypted[at]));
          mutatedBody = mutatedBody.replace(encrypted, encrypted.slice(0, at) + replacement + encrypted.slice(at + 1));
          stillSigned = false;
        } else if (what === 1) {
          mutatedQuery = mutatedQuery.replace(/timestamp=\d+/, `timestamp=${Number(/timestamp=(\d+)/.exec(mutatedQuery)?.[1] ?? 0) + 1}`);
          stillSigned = false;
        } else if (what === 2) {
          mutatedQuery = mutatedQuery.replace(/nonce=[^&]*/, `nonce=${nonce()}`);
          stillSigned = false;
        } else if (what === 3) {
          mutatedBody = mutatedBody.replace('</xml>', `<Encrypt>${cdata(encrypted)}</Encrypt></xml>`);
          stillSigned = false;
        } else if (what === 4) {
          // Leaves <Encrypt> alone: still signed, if the XML survives.
          mutatedBody += r.text(r.int(20), ANYTHING);
        } else if (what === 5) {
          const kept = mutatedQuery.split('&').filter(() => r.chance(0.7));
          if (kept.length < mutatedQuery.split('&').length) stillSigned = false;
          mutatedQuery = kept.join('&');
        } else {
          mutatedBody = mutatedBody.slice(0, r.int(mutatedBody.length));
          stillSigned = false;
        }
      }
      return post('mutated signed message', mutatedQuery, mutatedBody, stillSigned ? { mayStore: sender } : {});
    },

    'signed odd message': () => {
      const sender = `fz${serial}`;
      const plain = r.pick([
        () => message(sender).replace(/<MsgType>.*?<\/MsgType>/, `<MsgType>${cdata(r.text(r.int(80), ANYTHING))}</MsgType>`),
        () => message(sender).replace(/<CreateTime>\d+/, `<CreateTime>${r.pick(['', '999999999999', '-1', 'x', '1'.repeat(20)])}`),
        () => message(sender).replace(/<Content>.*?<\/Content>/, `<Content>${cdata('长'.repeat(16_000 + r.int(2000)))}</Content>`),
        () => message(sender).replace(/<Content>.*?<\/Content>/, '<Content><b>1</b><b>2</b></Content>'),
        () => message(sender).replace(/<FromUserName>.*?<\/FromUserName>/, ''),
        () => message(sender).replace(/<FromUserName>/, '<FromUserName>x</FromUserName><FromUserName>'),
        // Long identifiers in many bytes each: the deduplication key must still fit its index.
        () =>
          message(sender)
            .replace(/<EventKey>.*?<\/EventKey>/, `<EventKey>${cdata(r.text(1000, CJK))}</EventKey>`)
            .replace(/<ResponseCode>.*?<\/ResponseCode>/, `<ResponseCode>${cdata(r.text(1000, CJK))}</ResponseCode>`),
        () => message(sender).replace(/<ToUserName>.*?<\/ToUserName>/, `<ToUserName>${cdata('wwother')}</ToUserName>`),
        () => r.text(r.int(300), ANYTHING),
        () => '',
      ])();
      const { q, body } = signed(plain);
      return post('signed odd message', q, body, { mayStore: sender });
    },

    'url verification': () => {
      const ts = r.chance(0.7) ? fresh() : r.pick(['0', 'abc', String(FUZZ_NOW_SECONDS - 10_000)]);
      const n = nonce();
      const echostr = r.chance(0.6)
        ? encrypt(sample.encodingAesKey, String(r.int(1e9)), r.chance(0.9) ? sample.corpId : 'wwother')
        : r.text(r.int(100), ANYTHING);
      const signature = r.chance(0.8) ? getSignature(sample.token, ts, n, echostr) : r.text(40, [...'0123456789abcdef']);
      const params: [string, string][] = [
        ['msg_signature', signature],
        ['timestamp', ts],
        ['nonce', n],
        ['echostr', echostr],
      ];
      return { kind: 'url verification', method: 'GET', query: query(params.filter(() => r.chance(0.95))), headers: {}, body: [], chunked: false };
    },
  };
  const kinds = Object.keys(generators);

  return {
    next(): FuzzRequest {
      serial += 1;
      return generators[kinds[serial % kinds.length]!]!();
    },
  };
}
