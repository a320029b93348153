// Finds the command word at the start of a message. People type on phones: no space after the
// word (`报到T4`), full-width letters, and near misses from pinyin input (`报道` for 报到). A near
// miss is never run: the sender is asked, with the message as it should be typed. The phrases the
// bot itself uses in its prompts and deadlines (制定方案, 一次性告知, 签署意见…) run the command
// they name; so does a command word typed after its reference (`P3 无问题`, `Q5 销号`) or after a
// leading `@项目管家`, as people write in a group.

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

/** Phrases of the bot's own prompts and of the old WeChat group, each the command it names; run as typed. */
const ALIASES: Record<string, string> = {
  制定方案: '方案',
  服务方案: '方案',
  修改方案: '方案',
  查询进度: '进度',
  查看进度: '进度',
  项目进度: '进度',
  一次性告知: '告知',
  补充告知: '告知',
  受理帮办代办: '受理',
  任务办结: '办结',
  不予受理: '退回',
  暂停计时: '中止',
  恢复计时: '恢复',
  终止服务: '终止',
  服务办结: '办结项目',
  登记开工: '开工',
  签署意见: '提交例会',
  报送问题: '问题',
  本周无问题: '无问题',
  没有问题: '无问题',
  问题销号: '销号',
  查看档案: '档案',
  下载台账: '台账',
};

/** The bot's name as a group mention, and a project or problem reference typed before the command. */
const MENTION = /^[@＠]项目管家[\s\u3000:：，,]*/;
const REFERENCE_FIRST = /^([PpQqＰｐＱｑ][0-9０-９]{1,9})(?![0-9０-９])[\s\u3000:：，,、]*(?:本周|本月|今天)?/;

/**
 * @example matchCommandWord('报到T4', ['报到']) // { ok: true, word: '报到', rest: 'T4' }
 * @example matchCommandWord('报道 T4', ['报到']) // { ok: false, code: 'SUGGEST', typed: '报道', word: '报到', rest: 'T4' }
 */
export function matchCommandWord(text: string, words: readonly string[]): CommandWordMatch {
  const trimmed = text.trim().replace(MENTION, '');
  const found = findWord(trimmed, words);
  if (found) return { ok: true, word: found.word, rest: trimmed.slice(found.typed.length).trim() };
  const reference = REFERENCE_FIRST.exec(trimmed);
  const after = reference && findWord(trimmed.slice(reference[0].length), words);
  if (reference && after) {
    const rest = trimmed.slice(reference[0].length + after.typed.length).trim();
    return { ok: true, word: after.word, rest: `${reference[1]} ${rest}`.trim() };
  }

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

/** The command word or alias `text` starts with; the longest wins (办结项目 before 办结). */
function findWord(text: string, words: readonly string[]): { word: string; typed: string } | undefined {
  const candidates = [
    ...words.map((word) => ({ word, typed: word })),
    ...Object.entries(ALIASES)
      .filter(([, word]) => words.includes(word))
      .map(([typed, word]) => ({ word, typed })),
  ];
  return candidates.sort((a, b) => b.typed.length - a.typed.length).find((candidate) => text.startsWith(candidate.typed));
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
