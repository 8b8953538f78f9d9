import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare';

describe('comparing runs', () => {
  it('lists schools entering and leaving each status', () => {
    const changes = compareRuns(
      [{ schoolId: 'A', name: 'Школа А', statuses: ['LOW_RESULTS'] }, { schoolId: 'B', name: 'Школа Б', statuses: [] }],
      [{ schoolId: 'A', name: 'Школа А', statuses: ['RESILIENT'] }, { schoolId: 'B', name: 'Школа Б', statuses: ['LOW_RESULTS'] },
        { schoolId: 'C', name: 'Школа В', statuses: ['LEADER'] }],
    );
    const low = changes.find((c) => c.status === 'LOW_RESULTS')!;
    expect(low.entered.map((s) => s.schoolId)).toEqual(['B']);
    expect(low.left.map((s) => s.schoolId)).toEqual(['A']);
    expect(changes.find((c) => c.status === 'LEADER')!.entered.map((s) => s.schoolId)).toEqual(['C']);
    expect(changes.find((c) => c.status === 'RISK_ZONE')).toEqual({ status: 'RISK_ZONE', entered: [], left: [] });
  });
});
