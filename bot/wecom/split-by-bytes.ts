// Splits a long message into parts of at most `limit` UTF-8 bytes, at line breaks where it can
// and between characters only inside a line longer than the limit. Nothing is dropped except the
// line breaks the parts were cut at, so no part is ever truncated by WeCom (which cuts text and
// markdown after 2,048 bytes: 发送应用消息 → 文本消息, markdown消息).
const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

export function splitByBytes(text: string, limit: number): string[] {
  if (bytes(text) <= limit) return [text];
  const parts: string[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    for (const piece of bytes(line) > limit ? splitLine(line, limit) : [line]) {
      const joined: string = current === null ? piece : `${current}\n${piece}`;
      if (bytes(joined) <= limit) {
        current = joined;
      } else {
        if (current !== null) parts.push(current);
        current = piece;
      }
    }
  }
  if (current !== null) parts.push(current);
  // WeCom refuses an empty message (44004); blank lines at a cut carry nothing.
  return parts.filter((part) => part.trim() !== '');
}

function splitLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of line) {
    if (bytes(piece + char) > limit) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}
