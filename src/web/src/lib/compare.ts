// Comparing two identification runs: which schools entered or left each status.
import { SCHOOL_STATUSES, type SchoolStatusName } from './status';

export interface RunStatuses {
  schoolId: string;
  name: string;
  statuses: readonly string[];
}

export interface StatusChange {
  status: SchoolStatusName;
  entered: { schoolId: string; name: string }[];
  left: { schoolId: string; name: string }[];
}

export function compareRuns(older: readonly RunStatuses[], newer: readonly RunStatuses[]): StatusChange[] {
  const before = new Map(older.map((r) => [r.schoolId, r]));
  const after = new Map(newer.map((r) => [r.schoolId, r]));
  const ids = [...new Set([...before.keys(), ...after.keys()])];
  return SCHOOL_STATUSES.map((status) => {
    const entered: { schoolId: string; name: string }[] = [];
    const left: { schoolId: string; name: string }[] = [];
    for (const id of ids) {
      const was = before.get(id)?.statuses.includes(status) ?? false;
      const is = after.get(id)?.statuses.includes(status) ?? false;
      const name = (after.get(id) ?? before.get(id))!.name;
      if (!was && is) entered.push({ schoolId: id, name });
      if (was && !is) left.push({ schoolId: id, name });
    }
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');
    return { status, entered: entered.sort(byName), left: left.sort(byName) };
  });
}
