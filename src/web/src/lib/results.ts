// Results over time: one series per procedure and subject (grades averaged, weighted by participants).

export interface ResultPoint {
  year: number;
  procedure: string;
  subject: string;
  grade: number;
  participants?: number | null;
  meanScore: number;
}

export interface ResultSeries {
  key: string;
  procedure: string;
  subject: string;
  points: { year: number; value: number }[];
}

export function seriesByProcedureAndSubject(results: readonly ResultPoint[]): ResultSeries[] {
  const groups = new Map<string, Map<number, { sum: number; weight: number }>>();
  for (const r of results) {
    const key = `${r.procedure} · ${r.subject}`;
    const years = groups.get(key) ?? new Map();
    const weight = r.participants && r.participants > 0 ? r.participants : 1;
    const cell = years.get(r.year) ?? { sum: 0, weight: 0 };
    cell.sum += r.meanScore * weight;
    cell.weight += weight;
    years.set(r.year, cell);
    groups.set(key, years);
  }
  return [...groups.entries()]
    .map(([key, years]) => {
      const [procedure, subject] = key.split(' · ');
      const points = [...years.entries()].sort((a, b) => a[0] - b[0])
        .map(([year, c]) => ({ year, value: Math.round((c.sum / c.weight) * 100) / 100 }));
      return { key, procedure, subject, points };
    })
    .sort((a, b) => a.key.localeCompare(b.key, 'ru'));
}

/** Points of a fitted line y = intercept + slope·x across the given x range, for drawing. */
export function linePoints(intercept: number, slope: number, xs: readonly number[]): [number, number][] {
  if (xs.length === 0) return [];
  const min = Math.min(...xs);
  const max = Math.max(...xs);
  return [[min, intercept + slope * min], [max, intercept + slope * max]];
}

export interface RegionalMeanPoint {
  year: number;
  procedure: string;
  subject: string;
  grade: number;
  meanScore: number;
}

/**
 * The regional mean drawn next to the school: for each of the school's results, the region's mean of the
 * same year, procedure, subject and grade, combined over grades with the school's own weights, so the two
 * lines are comparable.
 */
export function regionalSeries(results: readonly ResultPoint[], means: readonly RegionalMeanPoint[]): ResultSeries[] {
  const byKey = new Map(means.map((m) => [`${m.year}|${m.procedure}|${m.subject}|${m.grade}`, m.meanScore]));
  const matched: ResultPoint[] = [];
  for (const r of results) {
    const mean = byKey.get(`${r.year}|${r.procedure}|${r.subject}|${r.grade}`);
    if (mean != null) matched.push({ ...r, meanScore: mean });
  }
  return seriesByProcedureAndSubject(matched);
}
