// The extension rules with fixed dates: what may be asked, who answers, how an approval moves the
// dates (the first original kept), and when an unanswered request is raised to the office.
import { describe, expect, it } from 'vitest';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import {
  approvalMovesDue,
  EXTENSION_REASON_MAX,
  extendedDates,
  extensionApprovers,
  extensionProblems,
  isEscalationDue,
  mayDecideExtension,
  readDueDateWord,
} from '../../src/domain/extensions.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';

const open = { status: 'started' as const, dueOn: '2016-12-31', planStage: 'issued' };

describe('extensionProblems', () => {
  it('accepts a later date with a reason', () => {
    expect(extensionProblems(open, '2017-03-31', '等待国家文件')).toEqual([]);
  });
  it('refuses items that cannot be extended', () => {
    expect(extensionProblems({ ...open, status: 'done' }, '2017-03-31', 'x')).toEqual([{ key: 'done' }]);
    expect(extensionProblems({ ...open, dueOn: null }, '2017-03-31', 'x')).toEqual([{ key: 'noDue' }]);
    expect(extensionProblems({ ...open, planStage: 'closed' }, '2017-03-31', 'x')).toEqual([{ key: 'planClosed' }]);
  });
  it('names every problem of the date and the reason at once', () => {
    expect(extensionProblems(open, '2016-12-31', ' ')).toEqual([
      { key: 'notLater', dueOn: '2016-12-31' },
      { key: 'needReason' },
    ]);
    expect(extensionProblems(open, '2017-02-30', '理'.repeat(EXTENSION_REASON_MAX + 1))).toEqual([
      { key: 'badDate', text: '2017-02-30' },
      { key: 'reasonTooLong', length: EXTENSION_REASON_MAX + 1, max: EXTENSION_REASON_MAX },
    ]);
  });
});

describe('readDueDateWord', () => {
  it('reads the ways people write a date', () => {
    for (const word of ['2017-03-31', '2017-3-31', '2017/3/31', '2017.03.31', '2017年3月31日'])
      expect(readDueDateWord(word)).toBe('2017-03-31');
  });
  it('leaves anything else alone', () => {
    expect(readDueDateWord('next-month')).toBeUndefined();
    expect(readDueDateWord('2017-13-01')).toBe('2017-13-01'); // shaped like a date: refused later as not a date
  });
});

describe('extensionApprovers', () => {
  it("asks the group's leaders and deputies, else the office", () => {
    expect(extensionApprovers({ groupDeciders: ['UL', 'UD'], admins: ['UA'] }, 'UM')).toEqual(['UL', 'UD']);
    expect(extensionApprovers({ groupDeciders: [], admins: ['UA'] }, 'UM')).toEqual(['UA']);
  });
  it('never asks the requester while someone else can answer', () => {
    expect(extensionApprovers({ groupDeciders: ['UL'], admins: ['UA'] }, 'UL')).toEqual(['UA']);
    expect(extensionApprovers({ groupDeciders: [], admins: ['UA'] }, 'UA')).toEqual(['UA']);
  });
  it('lets office admins and the people asked decide', () => {
    const person = (userId: string, isAdmin = false) => ({
      userId,
      isAdmin,
      groupIds: new Set<number>(),
      departmentIds: new Set<number>(),
    });
    expect(mayDecideExtension(person('UL'), ['UL'])).toBe(true);
    expect(mayDecideExtension(person('UA', true), ['UL'])).toBe(true);
    expect(mayDecideExtension(person('UM'), ['UL'])).toBe(false);
  });
});

describe('extendedDates', () => {
  it('keeps the first original due date over several extensions', () => {
    const first = extendedDates({ dueOn: '2016-12-31', originalDueOn: null }, '2017-03-31');
    expect(first).toEqual({ dueOn: '2017-03-31', originalDueOn: '2016-12-31' });
    expect(extendedDates(first, '2017-06-30')).toEqual({ dueOn: '2017-06-30', originalDueOn: '2016-12-31' });
  });
});

describe('approvalMovesDue', () => {
  it('never moves a due date earlier (the ledger may have moved it since the request)', () => {
    expect(approvalMovesDue('2016-12-31', '2017-03-31')).toBe(true);
    expect(approvalMovesDue('2017-06-30', '2017-03-31')).toBe(false);
    expect(approvalMovesDue(null, '2017-03-31')).toBe(true);
  });
});

describe('isEscalationDue', () => {
  it('counts working days after the day of the request', () => {
    // Friday 2016-06-24: Monday, Tuesday, Wednesday are the three working days after it.
    expect(isEscalationDue('2016-06-24', '2016-06-28', WEEKENDS_ONLY, 3)).toBe(false);
    expect(isEscalationDue('2016-06-24', '2016-06-29', WEEKENDS_ONLY, 3)).toBe(true);
  });
  it('skips public holidays (National Day week 2016)', () => {
    // Thursday 2016-09-29: Friday 30th is a working day, 1–7 October are holidays, the 8th and 9th make-up days.
    expect(isEscalationDue('2016-09-29', '2016-10-07', CN_CALENDAR, 3)).toBe(false);
    expect(isEscalationDue('2016-09-29', '2016-10-09', CN_CALENDAR, 3)).toBe(true);
  });
});
