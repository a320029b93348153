import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../domain/calendar/create-working-calendar.js';
import { dateLight, taskLight, worstLight } from '../../../domain/project/traffic-light.js';

const calendar = createWorkingCalendar();
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('dateLight', () => {
  it('is green while the deadline is more than the warning window away', () => {
    expect(dateLight('2026-03-13', at('2026-03-09T10:00:00'), calendar, 2)).toBe('green');
  });

  it('turns yellow within two working days, counting over a weekend', () => {
    // Friday 03-06 + 2 working days = Tuesday 03-10.
    expect(dateLight('2026-03-10', at('2026-03-06T10:00:00'), calendar, 2)).toBe('yellow');
    expect(dateLight('2026-03-11', at('2026-03-06T10:00:00'), calendar, 2)).toBe('green');
  });

  it('is yellow on the last day and red the day after', () => {
    expect(dateLight('2026-03-10', at('2026-03-10T17:59:00'), calendar, 0)).toBe('yellow');
    expect(dateLight('2026-03-10', at('2026-03-11T00:01:00'), calendar, 2)).toBe('red');
  });
});

describe('taskLight', () => {
  const base = { ackDueAt: at('2026-03-04T09:30:00'), dueOn: '2026-03-20', suspendedAt: null };

  it('makes a waiting card red once its report-to-window time has passed', () => {
    expect(taskLight({ ...base, state: 'posted' }, at('2026-03-04T09:29:00'), calendar, 2)).toBe('green');
    expect(taskLight({ ...base, state: 'posted' }, at('2026-03-04T09:30:00'), calendar, 2)).toBe('red');
  });

  it('follows the promised date once taken', () => {
    expect(taskLight({ ...base, state: 'taken' }, at('2026-03-19T09:00:00'), calendar, 2)).toBe('yellow');
    expect(taskLight({ ...base, state: 'taken' }, at('2026-03-23T09:00:00'), calendar, 2)).toBe('red');
  });

  it('keeps the light a paused task had when it was paused', () => {
    const paused = { ...base, state: 'suspended', suspendedAt: at('2026-03-05T10:00:00') };
    expect(taskLight(paused, at('2026-04-30T09:00:00'), calendar, 2)).toBe('green');
  });

  it('has no light for finished tasks', () => {
    expect(taskLight({ ...base, state: 'done' }, at('2026-04-30T09:00:00'), calendar, 2)).toBeNull();
  });
});

describe('worstLight', () => {
  it('picks red over yellow over green', () => {
    expect(worstLight(['green', null, 'yellow'])).toBe('yellow');
    expect(worstLight(['yellow', 'red'])).toBe('red');
    expect(worstLight([])).toBe('green');
  });
});
