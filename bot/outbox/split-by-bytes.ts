// Splits a long message into parts of at most `limit` UTF-8 bytes: between paragraphs (blank
// lines) where it can, so a digest item is never cut in two; between lines inside a paragraph
// too long for one part; between characters only inside a line longer than the limit. Nothing is
// dropped except the line breaks the parts were cut at. Each messenger declares its limit
// (WeCom cuts text and markdown after 2,048 bytes: 发送应用消息 → 文本消息, markdown消息).
const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

export function splitByBytes(text: string, limit: number): string[] {
  if (bytes(text) <= limit) return [text];
  const parts: string[] = [];
  let current: string | null = null;
  const add = (piece: string, separator: string): void => {
    const joined: string = current === null ? piece : `${current}${separator}${piece}`;
    if (bytes(joined) <= limit) {
      current = joined;
      return;
    }
    if (current !== null) parts.push(current);
    current = piece;
  };
  for (const paragraph of text.split('\n\n')) {
    if (bytes(paragraph) <= limit) {
      add(paragraph, '\n\n');
      continue;
    }
    paragraph.split('\n').forEach((line, index) => {
      for (const piece of bytes(line) > limit ? splitLine(line, limit) : [line]) add(piece, index === 0 ? '\n\n' : '\n');
    });
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
