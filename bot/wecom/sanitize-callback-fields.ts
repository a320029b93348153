// Keeps what PostgreSQL cannot store out of a parsed WeCom callback. JSON in PostgreSQL refuses
// \u0000 (and text columns refuse NUL), so one NUL in a message would fail its insert on every
// retry; other C0 control characters (and DEL) are never part of a WeCom identifier either.
// - In free text people type (Content, and the titles of links and locations) they are noise from
//   the sender's client: stripped, so the message still reaches the bot.
// - In identifiers (FromUserName, ToUserName, MsgType, Event, EventKey, MsgId…) they mean the
//   payload is forged or corrupt: refused.
// Tab, line feed and carriage return are ordinary text and pass everywhere.

export type Sanitized = { ok: true; fields: Record<string, unknown> } | { ok: false; reason: string };

// WeCom docs, 接收消息: Content (text), Title and Description (link), Label (location).
const FREE_TEXT = new Set(['Content', 'Title', 'Description', 'Label']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function sanitizeCallbackFields(fields: Record<string, unknown>): Sanitized {
  const clean: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (FREE_TEXT.has(name)) {
      clean[name] = stripControls(value);
    } else if (hasControls(value)) {
      return { ok: false, reason: `control character in <${name}>` };
    } else {
      clean[name] = value;
    }
  }
  return { ok: true, fields: clean };
}

function stripControls(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(CONTROL, '');
  if (Array.isArray(value)) return value.map(stripControls);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, stripControls(inner)]));
  return value;
}

function hasControls(value: unknown): boolean {
  if (typeof value === 'string') return new RegExp(CONTROL.source).test(value);
  if (Array.isArray(value)) return value.some(hasControls);
  if (typeof value === 'object' && value !== null) return Object.entries(value).some(([key, inner]) => hasControls(key) || hasControls(inner));
  return false;
}
