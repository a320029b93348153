import { describe, expect, it } from 'vitest';
import { moveTask, statesFor } from '../../../domain/task/task-state.js';

describe('moveTask', () => {
  it.each([
    ['posted', 'take', 'taken'],
    ['taken', 'finish', 'done'],
    ['taken', 'suspend', 'suspended'],
    ['suspended', 'resume', 'taken'],
    ['posted', 'return', 'returned'],
    ['suspended', 'return', 'returned'],
    ['taken', 'cancel', 'cancelled'],
  ] as const)('%s --%s--> %s', (from, move, to) => {
    expect(moveTask(from, move)).toEqual({ ok: true, to });
  });

  it.each([
    ['done', 'return'],
    ['posted', 'finish'],
    ['returned', 'take'],
    ['cancelled', 'resume'],
    ['suspended', 'finish'],
  ] as const)('refuses %s --%s-->', (from, move) => {
    expect(moveTask(from, move)).toEqual({ ok: false, state: from });
  });

  it('says which states a move starts from', () => {
    expect(statesFor('finish')).toEqual(['taken']);
  });
});
