import { describe, expect, it } from 'vitest';
import { moveCall, moveTask, statesFor } from '../../../domain/task/task-state.js';

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

describe('moveCall', () => {
  it('takes or cancels a waiting call, and nothing else', () => {
    expect(moveCall('posted', 'take')).toEqual({ ok: true, to: 'taken' });
    expect(moveCall('posted', 'cancel')).toEqual({ ok: true, to: 'cancelled' });
    expect(moveCall('taken', 'cancel')).toEqual({ ok: false, state: 'taken' });
    expect(moveCall('cancelled', 'take')).toEqual({ ok: false, state: 'cancelled' });
  });
});
