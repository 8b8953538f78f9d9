import { describe, expect, it } from 'vitest';
import {
  changeTone, chartValue, comparisonTone, groupSpans, countedOnlyFor, effectiveYear, EVALUATION_LABELS, olderYearWhenIncomplete, fileNameFromDisposition, formatChange,
  formatFigureValue, formatRatio, formatTarget, inputFromPlanned, plannedFromInput, reportsFor, reportUrl,
  type FigureLike,
} from './monitoring';

const nbsp = (s: string) => s.replace(/\s/g, ' ');

function figure(over: Partial<FigureLike>): FigureLike {
  return { evaluation: 'NO_TARGET', indicator: { unit: 'SHARE', direction: 'HIGHER_IS_BETTER' }, ...over };
}

describe('monitoring values', () => {
  it('writes shares as per cent with a comma and counts as numbers', () => {
    expect(nbsp(formatFigureValue(0.125, 'SHARE'))).toBe('12,5 %');
    expect(nbsp(formatFigureValue(1, 'SHARE'))).toBe('100 %');
    expect(nbsp(formatFigureValue(1234, 'COUNT'))).toBe('1 234');
    expect(formatFigureValue(null, 'SHARE')).toBe('—');
  });

  it('writes a change with an arrow, a real minus and percentage points for shares', () => {
    expect(nbsp(formatChange(0.032, 'SHARE'))).toBe('▲ +3,2 п. п.');
    expect(nbsp(formatChange(-0.05, 'SHARE'))).toBe('▼ −5 п. п.');
    expect(formatChange(-2, 'COUNT')).toBe('▼ −2');
    expect(formatChange(3, 'COUNT')).toBe('▲ +3');
    expect(nbsp(formatChange(0, 'SHARE'))).toBe('= 0 п. п.');
    expect(formatChange(null, 'COUNT')).toBe('—');
  });

  it('judges a change by the direction of the indicator', () => {
    expect(changeTone(0.1, 'HIGHER_IS_BETTER')).toBe('good');
    expect(changeTone(-0.1, 'HIGHER_IS_BETTER')).toBe('bad');
    expect(changeTone(0.1, 'LOWER_IS_BETTER')).toBe('bad');
    expect(changeTone(-0.1, 'LOWER_IS_BETTER')).toBe('good');
    expect(changeTone(0, 'LOWER_IS_BETTER')).toBe('neutral');
    expect(changeTone(null, 'HIGHER_IS_BETTER')).toBe('neutral');
  });

  it('writes the target with its direction and the ratio behind a value', () => {
    const target = { plannedValue: 0.6, setAt: 'REGION' as const, inherited: true };
    expect(nbsp(formatTarget(figure({ target })))).toBe('≥ 60 %');
    expect(nbsp(formatTarget(figure({ target: { ...target, plannedValue: 0.05 }, indicator: { unit: 'SHARE', direction: 'LOWER_IS_BETTER' } }))))
      .toBe('≤ 5 %');
    expect(formatTarget(figure({}))).toBe('—');
    expect(formatRatio(12, 40)).toBe('12 из 40');
    expect(formatRatio(null, null)).toBe('—');
  });

  it('names every evaluation in Russian', () => {
    expect(EVALUATION_LABELS.ACHIEVED).toBe('Достигнуто');
    expect(EVALUATION_LABELS.NOT_ACHIEVED).toBe('Не достигнуто');
    expect(EVALUATION_LABELS.NO_DATA).toBe('Нет данных');
    expect(EVALUATION_LABELS.NO_TARGET).toBe('Цель не задана');
  });
});

describe('conditional colouring of the comparison table', () => {
  it('colours by the evaluation where there is a target', () => {
    expect(comparisonTone(figure({ value: 0.7, evaluation: 'ACHIEVED' }), 0.9)).toBe('achieved');
    expect(comparisonTone(figure({ value: 0.95, evaluation: 'NOT_ACHIEVED' }), 0.5)).toBe('notAchieved');
  });

  it('compares with the whole territory where there is none, in the indicator\'s direction', () => {
    expect(comparisonTone(figure({ value: 0.7 }), 0.5)).toBe('better');
    expect(comparisonTone(figure({ value: 0.3 }), 0.5)).toBe('worse');
    const lower = { unit: 'SHARE' as const, direction: 'LOWER_IS_BETTER' as const };
    expect(comparisonTone(figure({ value: 0.3, indicator: lower }), 0.5)).toBe('better');
    expect(comparisonTone(figure({ value: 0.5 }), 0.5)).toBe('none');
  });

  it('leaves missing data grey and unknown cells plain', () => {
    expect(comparisonTone(figure({ value: null, evaluation: 'NO_DATA' }), 0.5)).toBe('noData');
    expect(comparisonTone(figure({ value: null }), 0.5)).toBe('none');
    expect(comparisonTone(figure({ value: 0.4 }), null)).toBe('none');
    expect(comparisonTone(undefined, 0.5)).toBe('none');
  });
});

describe('drill-down, targets and years', () => {
  it('opens the counted rows for a value or numerator and the whole base for a denominator', () => {
    expect(countedOnlyFor('value')).toBe(true);
    expect(countedOnlyFor('numerator')).toBe(true);
    expect(countedOnlyFor('denominator')).toBe(false);
  });

  it('takes share targets in per cent and stores them as 0..1', () => {
    expect(plannedFromInput(62.5, 'SHARE')).toBe(0.625);
    expect(plannedFromInput(7, 'COUNT')).toBe(7);
    expect(plannedFromInput(null, 'SHARE')).toBeNull();
    expect(inputFromPlanned(0.625, 'SHARE')).toBe(62.5);
    expect(inputFromPlanned(0.07, 'SHARE')).toBe(7);
    expect(inputFromPlanned(null, 'COUNT')).toBeNull();
  });

  it('spans each section over its rows and scales shares to per cent for the chart', () => {
    expect(groupSpans(['Результаты', 'Результаты', 'Учителя', 'Результаты'])).toEqual([2, 0, 1, 1]);
    expect(groupSpans([])).toEqual([]);
    expect(chartValue(0.4567, 'SHARE')).toBe(45.7);
    expect(chartValue(12, 'COUNT')).toBe(12);
    expect(chartValue(null, 'SHARE')).toBeNull();
  });

  it('falls back to the newest year with data', () => {
    expect(effectiveYear(2026, [2025, 2024])).toBe(2025);
    expect(effectiveYear(2024, [2025, 2024])).toBe(2024);
    expect(effectiveYear(2026, [])).toBe(2026);
    expect(olderYearWhenIncomplete(2026, [2026, 2025, 2024], [{ value: null }, { value: 0, denominator: 0 }, { value: 0.5 }])).toBe(2025);
    expect(olderYearWhenIncomplete(2026, [2026, 2025], [{ value: null }, { value: 0, denominator: 3 }])).toBeNull();
    expect(olderYearWhenIncomplete(2023, [2024, 2023], [{ value: null }])).toBeNull();
  });
});

describe('справки', () => {
  it('builds the download URLs of the contract', () => {
    expect(reportUrl('regional', 'pdf', { regionId: 'R74' }, 2025)).toBe('/api/reports/regional.pdf?regionId=R74&year=2025');
    expect(reportUrl('municipal', 'xlsx', { regionId: 'R74', municipalityId: 'R74-M01' }, 2024))
      .toBe('/api/reports/municipal.xlsx?regionId=R74&municipalityId=R74-M01&year=2024');
    expect(reportUrl('school-card', 'pdf', { regionId: 'R74', municipalityId: 'M', schoolId: 'S 1' }, 2025))
      .toBe('/api/reports/school-card.pdf?regionId=R74&municipalityId=M&schoolId=S+1&year=2025');
  });

  it('offers the справки of the territory\'s level', () => {
    expect(reportsFor({ regionId: 'R74' })).toEqual(['regional', 'status-changes']);
    expect(reportsFor({ regionId: 'R74', municipalityId: 'M' })).toEqual(['municipal', 'status-changes']);
    expect(reportsFor({ regionId: 'R74', municipalityId: 'M', schoolId: 'S' })).toEqual(['school-card']);
  });

  it('reads the Russian file name of Content-Disposition', () => {
    const name = 'Справка 2025.pdf';
    expect(fileNameFromDisposition(`attachment; filename="report.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)).toBe(name);
    expect(fileNameFromDisposition('attachment; filename="report.xlsx"')).toBe('report.xlsx');
    expect(fileNameFromDisposition(null)).toBeNull();
  });
});
