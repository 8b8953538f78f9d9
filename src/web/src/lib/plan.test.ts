import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { planInput } from './plan';

describe('planInput', () => {
  it('starts the plan today with the one goal of the dialog, dates as ISO days', () => {
    const input = planInput('T-1', { title: 'ИОМ педагога 2026/2027', competence: 'ASSESSMENT', target: 'Формирующее оценивание',
      deadline: dayjs('2027-05-31') });
    expect(input).toEqual({ teacherId: 'T-1', title: 'ИОМ педагога 2026/2027', startDate: dayjs().format('YYYY-MM-DD'),
      goals: [{ competence: 'ASSESSMENT', target: 'Формирующее оценивание', deadline: '2027-05-31' }] });
  });
});
