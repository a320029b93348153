// Finds the command word at the start of a message. People type on phones: no space after the
// word (`报到T4`), full-width letters, and near misses from pinyin input (`报道` for 报到). A near
// miss is never run: the sender is asked, with the message as it should be typed.

export type CommandWordMatch =
  | { ok: true; word: string; rest: string }
  | { ok: false; code: 'SUGGEST'; typed: string; word: string; rest: string }
  | { ok: false; code: 'UNKNOWN'; typed: string };

/** Words pinyin input gives for a command word (same sound, other characters) and common slips. */
const HOMOPHONES: Record<string, string> = {
  报道: '报到',
  抱到: '报到',
  保到: '报到',
  到岗: '报到',
  签到: '报到',
  半结: '办结',
  办洁: '办结',
  完结: '办结',
  结办: '办结',
  告之: '告知',
  通知: '告知',
  进展: '进度',
  近度: '进度',
  查询: '进度',
  退会: '退回',
  驳回: '退回',
  受里: '受理',
  登记: '登记项目',
  登记项木: '登记项目',
  新项目: '登记项目',
  派遣: '派单',
  分派: '派单',
  帮组: '帮助',
  菜单: '帮助',
  说明: '帮助',
  恢服: '恢复',
  终至: '终止',
  中至: '中止',
  档按: '档案',
  组团: '组建团队',
  建团队: '组建团队',
  修改: '修改项目',
  更改项目: '修改项目',
  修改项木: '修改项目',
};

/**
 * @example matchCommandWord('报到T4', ['报到']) // { ok: true, word: '报到', rest: 'T4' }
 * @example matchCommandWord('报道 T4', ['报到']) // { ok: false, code: 'SUGGEST', typed: '报道', word: '报到', rest: 'T4' }
 */
export function matchCommandWord(text: string, words: readonly string[]): CommandWordMatch {
  const trimmed = text.trim();
  // The longest word wins: 办结项目 before 办结.
  const word = [...words].sort((a, b) => b.length - a.length).find((candidate) => trimmed.startsWith(candidate));
  if (word) return { ok: true, word, rest: trimmed.slice(word.length).trim() };

  const typed = /^[^\s0-9A-Za-z０-９Ａ-Ｚａ-ｚ:：，,、；;]*/.exec(trimmed)![0];
  const rest = trimmed.slice(typed.length).trim();
  if (!typed) return { ok: false, code: 'UNKNOWN', typed: /^\S*/.exec(trimmed)![0] };
  for (const [slip, meant] of Object.entries(HOMOPHONES).sort((a, b) => b[0].length - a[0].length)) {
    if (typed.startsWith(slip) && words.includes(meant)) {
      return { ok: false, code: 'SUGGEST', typed: slip, word: meant, rest: `${typed.slice(slip.length)} ${rest}`.trim() };
    }
  }
  const near = words.filter((candidate) => candidate.length >= 2 && editDistance(typed, candidate) <= (candidate.length >= 4 ? 2 : 1));
  if (near.length === 1) return { ok: false, code: 'SUGGEST', typed, word: near[0]!, rest };
  return { ok: false, code: 'UNKNOWN', typed };
}

/** Levenshtein distance over characters (code points). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, index) => index);
  for (let i = 1; i <= x.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= y.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}
