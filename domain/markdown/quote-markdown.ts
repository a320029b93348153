// Text people typed, made safe to put inside a markdown message: the characters WeCom and DingTalk
// markdown give a meaning to become their full-width twins, which read the same and render as
// themselves, and line breaks become spaces so no typed line starts a heading or a quote
// (WeCom 发送应用消息 → markdown消息; DingTalk 机器人消息 → sampleMarkdown).

const FULL_WIDTH: Record<string, string> = { '[': '［', ']': '］', '<': '＜', '>': '＞', '*': '＊', '#': '＃', '`': '｀', _: '＿', '\\': '＼' };

/**
 * @example quoteMarkdown('**[点我](http://x)**\n# 标题') // '＊＊［点我］(http://x)＊＊ ＃ 标题'
 */
export function quoteMarkdown(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').replace(/[[\]<>*#`_\\]/g, (char) => FULL_WIDTH[char]!);
}
