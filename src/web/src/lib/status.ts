// School statuses and pair statuses in the coordinators' words, with one colour each.

export const SCHOOL_STATUSES = ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT', 'DECLINING', 'RISK_ZONE', 'RESILIENT', 'LEADER'] as const;
export type SchoolStatusName = (typeof SCHOOL_STATUSES)[number];

export const STATUS_LABELS: Record<SchoolStatusName, string> = {
  LOW_RESULTS: 'ШНОР',
  UNFAVOURABLE_CONTEXT: 'ШНСУ',
  DECLINING: 'Снижение результатов',
  RISK_ZONE: 'Зона риска',
  RESILIENT: 'Резильентная',
  LEADER: 'Школа-лидер',
};

export const STATUS_COLORS: Record<SchoolStatusName | 'NONE', string> = {
  LOW_RESULTS: '#cf1322',
  UNFAVOURABLE_CONTEXT: '#d46b08',
  DECLINING: '#d48806',
  RISK_ZONE: '#d4b106',
  RESILIENT: '#08979c',
  LEADER: '#389e0d',
  NONE: '#8c8c8c',
};

/** The status a school is drawn with when it has several: the one that most needs attention. */
export function mainStatus(statuses: readonly string[]): SchoolStatusName | 'NONE' {
  for (const status of SCHOOL_STATUSES) {
    if (statuses.includes(status)) return status;
  }
  return 'NONE';
}

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as SchoolStatusName] ?? status;
}

export const PAIR_STATUS_LABELS: Record<string, string> = {
  PROPOSED: 'Предложена',
  AGREED: 'Согласована',
  ACTIVE: 'Действует',
  COMPLETED: 'Завершена',
  CANCELLED: 'Отменена',
};

export const PAIR_STATUS_COLORS: Record<string, string> = {
  PROPOSED: 'blue', AGREED: 'cyan', ACTIVE: 'green', COMPLETED: 'default', CANCELLED: 'red',
};
