import { describe, expect, it } from 'vitest';
import { currentPhase } from '../../../domain/project/current-phase.js';

describe('currentPhase', () => {
  it('is the lowest phase with an unfinished item', () => {
    expect(
      currentPhase([
        { phase: 1, done: false },
        { phase: 3, done: false },
      ]),
    ).toBe(1);
    expect(
      currentPhase([
        { phase: 1, done: true },
        { phase: 3, done: false },
        { phase: 4, done: false },
      ]),
    ).toBe(3);
  });

  it('is null when every item is done or there is no plan', () => {
    expect(
      currentPhase([
        { phase: 1, done: true },
        { phase: 4, done: true },
      ]),
    ).toBeNull();
    expect(currentPhase([])).toBeNull();
  });
});
