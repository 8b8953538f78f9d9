// Presentation rules of the monitoring dashboards (issue 16 item 3): how a figure, its change and its evaluation are
// written and coloured, which rows a drill-down asks for, and the download URLs of the справки.
import { DASH, formatInt, formatNumber, formatPercent } from './format';

export type Unit = 'SHARE' | 'COUNT';
export type Direction = 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
export type Evaluation = 'ACHIEVED' | 'NOT_ACHIEVED' | 'NO_DATA' | 'NO_TARGET';
export type Level = 'REGION' | 'MUNICIPALITY' | 'SCHOOL';

/** A figure as the pages read it (the fields of MonitoringFigure they need). */
export interface FigureLike {
  value?: number | null;
  previousValue?: number | null;
  change?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  evaluation: Evaluation;
  target?: { plannedValue: number; setAt: Level; inherited: boolean } | null;
  indicator: { unit: Unit; direction: Direction };
}

/** A value in its unit: a share as «12,5 %», a count as «1 234». */
export function formatFigureValue(value: number | null | undefined, unit: Unit): string {
  if (value == null || Number.isNaN(value)) return DASH;
  return unit === 'SHARE' ? formatPercent(value) : formatNumber(value, 1);
}

export type Tone = 'good' | 'bad' | 'neutral';

/** Whether a change is an improvement, given the indicator's direction. */
export function changeTone(change: number | null | undefined, direction: Direction): Tone {
  if (change == null || Number.isNaN(change) || Math.abs(change) < 1e-9) return 'neutral';
  const up = change > 0;
  return up === (direction === 'HIGHER_IS_BETTER') ? 'good' : 'bad';
}

const signed = (text: string, negative: boolean) => (negative ? `−${text}` : `+${text}`);

/**
 * A change with its arrow: shares in percentage points («▲ +3,2 п. п.»), counts as numbers («▼ −2»);
 * «= 0» when nothing changed, a dash when there is nothing to compare.
 */
export function formatChange(change: number | null | undefined, unit: Unit): string {
  if (change == null || Number.isNaN(change)) return DASH;
  if (Math.abs(change) < 1e-9) return unit === 'SHARE' ? '= 0 п. п.' : '= 0';
  const arrow = change > 0 ? '▲' : '▼';
  const magnitude = Math.abs(change);
  const text = unit === 'SHARE'
    ? `${formatNumber(magnitude * 100, 1)} п. п.`
    : formatNumber(magnitude, 1);
  return `${arrow} ${signed(text, change < 0)}`;
}

export const TONE_COLORS: Record<Tone, string> = { good: '#237804', bad: '#cf1322', neutral: '#8c8c8c' };

export const EVALUATION_LABELS: Record<Evaluation, string> = {
  ACHIEVED: 'Достигнуто',
  NOT_ACHIEVED: 'Не достигнуто',
  NO_DATA: 'Нет данных',
  NO_TARGET: 'Цель не задана',
};

/** Ant Design Tag colours of the evaluations. */
export const EVALUATION_TAG_COLORS: Record<Evaluation, string> = {
  ACHIEVED: 'success',
  NOT_ACHIEVED: 'error',
  NO_DATA: 'warning',
  NO_TARGET: 'default',
};

/** The target as a coordinator reads it: «≥ 60 %» (higher is better) or «≤ 5 %», and where it comes from. */
export function formatTarget(figure: Pick<FigureLike, 'target' | 'indicator'>): string {
  const t = figure.target;
  if (!t) return DASH;
  const sign = figure.indicator.direction === 'HIGHER_IS_BETTER' ? '≥' : '≤';
  return `${sign} ${formatFigureValue(t.plannedValue, figure.indicator.unit)}`;
}

/** The numerator and denominator as «12 из 40». */
export function formatRatio(numerator: number | null | undefined, denominator: number | null | undefined): string {
  if (numerator == null && denominator == null) return DASH;
  return `${formatInt(numerator)} из ${formatInt(denominator)}`;
}

/**
 * The colour of one cell of the comparison table: against the target where there is one (achieved / not achieved);
 * otherwise against the whole territory's value (better / worse than the region), so that a table without targets
 * still shows who lags behind. Equal values and missing data stay uncoloured.
 */
export type CellTone = 'achieved' | 'notAchieved' | 'better' | 'worse' | 'noData' | 'none';

export function comparisonTone(figure: FigureLike | null | undefined, overall: number | null | undefined): CellTone {
  if (!figure) return 'none';
  if (figure.evaluation === 'ACHIEVED') return 'achieved';
  if (figure.evaluation === 'NOT_ACHIEVED') return 'notAchieved';
  if (figure.value == null) return figure.evaluation === 'NO_DATA' ? 'noData' : 'none';
  if (overall == null) return 'none';
  const tone = changeTone(figure.value - overall, figure.indicator.direction);
  return tone === 'good' ? 'better' : tone === 'bad' ? 'worse' : 'none';
}

export const CELL_TONE_STYLES: Record<CellTone, { background?: string; color?: string }> = {
  achieved: { background: '#d9f7be', color: '#135200' },
  notAchieved: { background: '#ffccc7', color: '#820014' },
  better: { background: '#f0faeb' },
  worse: { background: '#fff2f0' },
  noData: { background: '#fafafa', color: '#8c8c8c' },
  none: {},
};

export const CELL_TONE_LABELS: Record<CellTone, string> = {
  achieved: 'цель достигнута',
  notAchieved: 'цель не достигнута',
  better: 'цели нет, лучше региона',
  worse: 'цели нет, хуже региона',
  noData: 'нет данных',
  none: '',
};

/** Row spans of a section column over rows kept in catalogue order: the first row of a run spans it, the others 0. */
export function groupSpans(groups: readonly string[]): number[] {
  const spans = groups.map(() => 0);
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === groups[i]) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

/** A chart value: shares as per cent rounded to a tenth (the axis is in %), counts as they are. */
export function chartValue(value: number | null | undefined, unit: Unit): number | null {
  if (value == null || Number.isNaN(value)) return null;
  return unit === 'SHARE' ? Math.round(value * 1000) / 10 : value;
}

/** Which number was clicked: the value and the numerator open the counted rows, the denominator the whole base. */
export type DrillTarget = 'value' | 'numerator' | 'denominator';

export function countedOnlyFor(target: DrillTarget): boolean {
  return target !== 'denominator';
}

export function drillDownTitle(indicatorName: string, countedOnly: boolean, territoryName: string): string {
  return `${indicatorName} — ${countedOnly ? 'учтённые в числителе' : 'вся база показателя'} (${territoryName})`;
}

/** A share target is typed in per cent (0..100) and stored as 0..1; counts are stored as typed. */
export function plannedFromInput(input: number | null | undefined, unit: Unit): number | null {
  if (input == null || Number.isNaN(input)) return null;
  return unit === 'SHARE' ? Math.round(input * 100) / 10000 : input;
}

export function inputFromPlanned(planned: number | null | undefined, unit: Unit): number | null {
  if (planned == null) return null;
  return unit === 'SHARE' ? Math.round(planned * 10000) / 100 : planned;
}

/** The latest year with data when the asked one has none (the dashboard lists its years, newest first). */
export function effectiveYear(asked: number, years: readonly number[]): number {
  if (years.length === 0 || years.includes(asked)) return asked;
  return years[0];
}

/**
 * The year to show instead of the current one when no year was asked for: the current year is listed as soon as
 * anything of it is recorded (help-log entries of the autumn), yet most indicators have no value before its results
 * come in; then the newest older listed year is shown. A value counts when its base is not empty.
 */
export function olderYearWhenIncomplete(year: number, years: readonly number[],
  figures: readonly { value?: number | null; denominator?: number | null }[]): number | null {
  const known = figures.filter((f) => f.value != null && (f.denominator == null || f.denominator > 0)).length;
  if (known * 2 >= figures.length && figures.length > 0) return null;
  return years.find((y) => y < year) ?? null;
}

// --- справки (the download contract of MONITORING.md; the monitoring-reports branch serves them) ---

export type ReportKind = 'regional' | 'municipal' | 'school-card' | 'status-changes';
export type ReportFormat = 'pdf' | 'xlsx';

export const REPORT_LABELS: Record<ReportKind, string> = {
  regional: 'Региональная справка по мониторингу',
  municipal: 'Муниципальная справка',
  'school-card': 'Карточка школы',
  'status-changes': 'Школы, входящие в ШНОР/ШНСУ и выходящие из них',
};

export const REPORT_MIME: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ReportTerritory {
  regionId: string;
  municipalityId?: string | null;
  schoolId?: string | null;
}

/** `/api/reports/{kind}.{format}?regionId=…[&municipalityId=…][&schoolId=…]&year=…` */
export function reportUrl(kind: ReportKind, format: ReportFormat, territory: ReportTerritory, year: number): string {
  const params = new URLSearchParams({ regionId: territory.regionId });
  if (territory.municipalityId) params.set('municipalityId', territory.municipalityId);
  if (territory.schoolId) params.set('schoolId', territory.schoolId);
  params.set('year', String(year));
  return `/api/reports/${kind}.${format}?${params.toString()}`;
}

/** The справки that make sense for a territory: a region's, a municipality's, a school's card. */
export function reportsFor(territory: ReportTerritory): ReportKind[] {
  if (territory.schoolId) return ['school-card'];
  if (territory.municipalityId) return ['municipal', 'status-changes'];
  return ['regional', 'status-changes'];
}

/** The file name of a Content-Disposition header (RFC 5987 `filename*` first, then plain `filename`). */
export function fileNameFromDisposition(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  return plain ? (plain[2] ?? plain[1]).trim() : null;
}
