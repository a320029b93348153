// Text people typed, made safe to put inside a markdown message: the characters WeCom and DingTalk
// markdown give a meaning to become their full-width twins, which read the same and render as
// themselves, and line breaks become spaces so no typed line starts a heading or a quote
// (WeCom 发送应用消息 → markdown消息; DingTalk 机器人消息 → sampleMarkdown). `~~…~~` strikes text
// through, `@所有人`/`@all` reads as a call to the whole group, and a bare address (`http://…`,
// `www.…`) turns into a link in both apps: `~`, `@`, the colon of `://` and the dot after `www`
// become full-width too (issue 16).

const FULL_WIDTH: Record<string, string> = {
  '[': '［',
  ']': '］',
  '<': '＜',
  '>': '＞',
  '*': '＊',
  '#': '＃',
  '`': '｀',
  _: '＿',
  '\\': '＼',
  '~': '～',
  '@': '＠',
};

/**
 * @example quoteMarkdown('**[点我](http://x)**\n# 标题') // '＊＊［点我］(http：//x)＊＊ ＃ 标题'
 * @example quoteMarkdown('~~作废~~ @所有人 www.x.cn') // '～～作废～～ ＠所有人 www．x.cn'
 */
export function quoteMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[[\]<>*#`_\\~@]/g, (char) => FULL_WIDTH[char]!)
    .replace(/([a-z][a-z\d+.-]*):\/\//gi, '$1：//')
    .replace(/\bwww\./gi, 'www．');
}
