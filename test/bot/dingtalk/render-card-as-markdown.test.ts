import { describe, expect, it } from 'vitest';
import { commandForButton } from '../../../bot/dingtalk/command-for-button.js';
import { renderCardAsMarkdown } from '../../../bot/dingtalk/render-card-as-markdown.js';
import { taskCard } from './dingtalk-fixtures.js';


describe('commandForButton', () => {
  it('maps task buttons to the command a person would type', () => {
    expect(commandForButton('task:34', { id: 'take' })).toBe('报到 T34');
    expect(commandForButton('task:34', { id: 'finish' })).toBe('办结 T34');
    expect(commandForButton('task:34', { id: 'return', input: { placeholder: '原因' } })).toBe('退回 T34 <原因>');
    expect(commandForButton('task:34', { id: 'snooze' })).toBeUndefined();
  });
});

describe('renderCardAsMarkdown', () => {
  it('lists the fields and the commands that replace the buttons', () => {
    expect(renderCardAsMarkdown(taskCard)).toEqual({
      title: '任务分送单：建设用地规划许可证',
      text: ['#### 任务分送单：建设用地规划许可证', '', '- **项目**：P12 年产5万吨饲料加工项目', '- **报到期限**：10:33 前', '', '回复「报到 T34」或「退回 T34 <原因>」'].join('\n'),
    });
  });
});
