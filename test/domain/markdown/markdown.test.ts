// Typed text in markdown messages: refused in project fields, quoted in digests and cards.
import { describe, expect, it } from 'vitest';
import { hasMarkup } from '../../../domain/markdown/has-markup.js';
import { quoteMarkdown } from '../../../domain/markdown/quote-markdown.js';

describe('hasMarkup', () => {
  it.each(['**[点我](http://x)**', '![图](http://x/a.png)', '# 标题', '项目\n> 引用', '<font color="warning">急</font>', '<a href=x>', '`code`', '__粗__'])(
    'finds markup in %j',
    (text) => expect(hasMarkup(text)).toBe(true),
  );
  it.each(['某某（集团）有限公司 (一期)', '年产 2GW 光伏组件', 'C#语言培训中心', '3<5', '[一期] 工程', '投资 5*2 亿'])('lets %j pass', (text) =>
    expect(hasMarkup(text)).toBe(false),
  );
});

describe('quoteMarkdown', () => {
  it('turns markdown characters into full-width twins and lines into one', () => {
    expect(quoteMarkdown('**[点我](http://x)**\n# 标题')).toBe('＊＊［点我］(http：//x)＊＊ ＃ 标题');
    expect(quoteMarkdown('<font color="info">好</font>')).toBe('＜font color="info"＞好＜/font＞');
    expect(quoteMarkdown('光伏组件项目')).toBe('光伏组件项目');
  });

  // Issue 16: the probe's digests passed these through, struck through, linked and calling everyone.
  it('quotes strikethrough, @所有人 and @all, and bare addresses', () => {
    expect(quoteMarkdown('~~已完成~~')).toBe('～～已完成～～');
    expect(quoteMarkdown('@所有人 请看')).toBe('＠所有人 请看');
    expect(quoteMarkdown('@all 请看')).toBe('＠all 请看');
    expect(quoteMarkdown('详见 https://evil.example/a?b=1')).toBe('详见 https：//evil.example/a?b=1');
    expect(quoteMarkdown('详见 HTTP://evil.example')).toBe('详见 HTTP：//evil.example');
    expect(quoteMarkdown('详见 www.evil.example')).toBe('详见 www．evil.example');
    expect(quoteMarkdown('约 3~5 亿，联系 a@b.cn')).toBe('约 3～5 亿，联系 a＠b.cn');
  });
});
