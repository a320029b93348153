// The references right after a command word: several at once (`报到 T4 T8`, `报到 T8，T13`), in
// full-width letters or digits too (`Ｔ８`). What follows them is the command's free text.

export interface Reference {
  /** 'T' task, 'P' project, or a bare number (allowed only first: `受理 12`). */
  kind: 'T' | 'P' | 'bare';
  number: number;
}

const SEPARATOR = /^[\s，,；;、:：]$/;

/**
 * @example splitReferences('T8，T13 已到') // { refs: [{ kind: 'T', number: 8 }, { kind: 'T', number: 13 }], words: ['T8', 'T13'], rest: '已到' }
 * @example splitReferences('012 5 服务很好') // { refs: [{ kind: 'bare', number: 12 }], words: ['012'], rest: '5 服务很好' }
 */
export function splitReferences(text: string): { refs: Reference[]; words: string[]; rest: string } {
  const chars = [...text];
  const plain = chars.map((char) => char.normalize('NFKC'));
  const refs: Reference[] = [];
  const words: string[] = [];
  let at = 0;
  let restStart = 0;
  for (;;) {
    while (at < chars.length && SEPARATOR.test(plain[at]!)) at += 1;
    let end = at;
    const letter = /^[TtPp]$/.test(plain[end] ?? '') ? plain[end]!.toUpperCase() : undefined;
    if (letter) end += 1;
    let digits = '';
    while (end < chars.length && /^\d$/.test(plain[end]!)) digits += plain[end++];
    const boundary = end === chars.length || !/^[0-9A-Za-z.\-/]$/.test(plain[end]!);
    if (!digits || digits.length > 9 || !boundary || (!letter && refs.length > 0) || Number(digits) === 0) break;
    refs.push({ kind: (letter ?? 'bare') as Reference['kind'], number: Number(digits) });
    // As typed (NFKC), so a 绑定码 like 012345 keeps its leading zero.
    words.push(`${letter ?? ''}${digits}`);
    at = end;
    restStart = end;
  }
  const rest = refs.length === 0 ? text : chars.slice(restStart).join('');
  return { refs, words, rest: rest.replace(/^[\s，,；;、:：]+/, '').trim() };
}

/** The numbers of the references of one kind; a bare number counts as either. */
export function numbersOf(refs: readonly Reference[], kind: 'T' | 'P'): number[] {
  return refs.filter((ref) => ref.kind === kind || ref.kind === 'bare').map((ref) => ref.number);
}
