import { describe, expect, it } from 'vitest';
import { splitByBytes } from '../../../bot/outbox/split-by-bytes.js';

const size = (text: string) => Buffer.byteLength(text);

describe('splitByBytes', () => {
  it('leaves a message within the limit alone', () => {
    expect(splitByBytes('帮助', 2048)).toEqual(['帮助']);
  });

  it('splits a 5,000-byte markdown digest at line breaks, losing nothing', () => {
    const lines = Array.from({ length: 120 }, (_, index) => `> **项目${index + 1}**：审批中（自然资源局）`);
    const digest = lines.join('\n');
    expect(size(digest)).toBeGreaterThan(4096);
    const parts = splitByBytes(digest, 2048);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(size(part)).toBeLessThanOrEqual(2048);
    expect(parts.join('\n')).toBe(digest);
    expect(parts.every((part) => part.split('\n').every((line) => lines.includes(line)))).toBe(true);
  });

  it('cuts a single over-long line between characters, never inside one', () => {
    const line = '审'.repeat(1000); // 3,000 bytes
    const parts = splitByBytes(line, 2048);
    expect(parts.map(size)).toEqual([2046, 954]);
    expect(parts.join('')).toBe(line);
  });
});

describe('splitByBytes between paragraphs', () => {
  it('never cuts a digest item (a paragraph) in two when the items fit one part each', () => {
    const items = Array.from({ length: 40 }, (_, index) => `**${index + 1}. 项目${index + 1}**\n问题：用地指标未落实\n责任单位：自然资源局`);
    const digest = items.join('\n\n');
    const parts = splitByBytes(digest, 2048);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(size(part)).toBeLessThanOrEqual(2048);
      for (const paragraph of part.split('\n\n')) expect(items).toContain(paragraph);
    }
    expect(parts.join('\n\n')).toBe(digest);
  });
});
