// Markdown and HTML that WeCom and DingTalk markdown messages render (WeCom 发送应用消息 → markdown消息:
// headings, bold, links, inline code, quotes, <font color>; DingTalk 机器人消息 → sampleMarkdown).
// A project field holding them would render as a link or a heading in every digest and card.

const MARKUP = [
  /\[[^\]\n]*\]\s*\(/, // [text](url) and ![image](url)
  /<\/?[a-z!]/i, // <font …>, </a>, <!-- …
  /^\s*(#|>)/m, // a heading or a quote at the start of a line
  /\*\*|__|`/, // bold, inline code
];

/**
 * @example hasMarkup('**[点我](http://x)**') // true
 * @example hasMarkup('某某（集团）有限公司 (一期)') // false
 */
export function hasMarkup(text: string): boolean {
  return MARKUP.some((pattern) => pattern.test(text));
}
