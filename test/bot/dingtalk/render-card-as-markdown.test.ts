import { describe, expect, it } from 'vitest';
import { renderCardAsMarkdown } from '../../../bot/dingtalk/render-card-as-markdown.js';
import { taskCard } from './dingtalk-fixtures.js';

describe('renderCardAsMarkdown', () => {
  it('lists the fields and the commands that replace the buttons', () => {
    expect(renderCardAsMarkdown(taskCard)).toEqual({
      title: '任务分送单：建设用地规划许可证',
      text: [
        '#### 任务分送单：建设用地规划许可证',
        '',
        '- **项目**：P12 年产5万吨饲料加工项目',
        '- **报到期限**：10:33 前',
        '',
        '回复「报到 T34」或「退回 T34 原因」',
      ].join('\n'),
    });
  });
});
