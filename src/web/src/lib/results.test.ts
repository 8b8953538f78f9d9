import { describe, expect, it } from 'vitest';
import { linePoints, regionalSeries, seriesByProcedureAndSubject } from './results';
import { mainStatus } from './status';
import { parameterRows } from './identification';

describe('results over time', () => {
  it('averages grades weighted by participants, per procedure and subject, by year', () => {
    const series = seriesByProcedureAndSubject([
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 5, participants: 30, meanScore: 10 },
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 6, participants: 10, meanScore: 14 },
      { year: 2022, procedure: 'ВПР', subject: 'Математика', grade: 5, participants: null, meanScore: 9 },
      { year: 2023, procedure: 'ОГЭ', subject: 'Русский язык', grade: 9, participants: 20, meanScore: 25 },
    ]);
    expect(series.map((s) => s.key)).toEqual(['ВПР · Математика', 'ОГЭ · Русский язык']);
    expect(series[0].points).toEqual([{ year: 2022, value: 9 }, { year: 2023, value: 11 }]);
  });

  it('draws the fitted line across the points', () => {
    expect(linePoints(1, 2, [-1, 3, 0])).toEqual([[-1, -1], [3, 7]]);
    expect(linePoints(1, 2, [])).toEqual([]);
  });
});

describe('statuses and runs', () => {
  it('colours a school by the status needing most attention', () => {
    expect(mainStatus(['LEADER', 'LOW_RESULTS'])).toBe('LOW_RESULTS');
    expect(mainStatus([])).toBe('NONE');
  });

  it('lists run parameters in Russian', () => {
    const rows = parameterRows({ subjects: ['Русский язык', 'Математика'], lowResidualSd: 1.5, unknown: 1 });
    expect(rows).toEqual([
      { key: 'subjects', label: 'Предметы', value: 'Русский язык, Математика' },
      { key: 'lowResidualSd', label: 'Порог ШНОР (остаток, СО)', value: '1,5' },
    ]);
  });
});

describe('regional mean next to the school', () => {
  it('combines the region\'s grade means with the school\'s own participant weights', () => {
    const school = [
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 5, participants: 30, meanScore: 10 },
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 6, participants: 10, meanScore: 14 },
    ];
    const region = [
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 5, meanScore: 12 },
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 6, meanScore: 16 },
      { year: 2023, procedure: 'ВПР', subject: 'Математика', grade: 7, meanScore: 99 },
    ];
    expect(regionalSeries(school, region)[0].points).toEqual([{ year: 2023, value: 13 }]);
  });
});
