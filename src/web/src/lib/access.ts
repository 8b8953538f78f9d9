// What the caller's roles and territory allow; the navigation and every page guard read this one table.

export type RoleName =
  | 'ADMIN' | 'REGIONAL_COORDINATOR' | 'MUNICIPAL_COORDINATOR' | 'CURATOR'
  | 'SCHOOL_ADMIN' | 'METHODIST' | 'MENTOR' | 'TEACHER';

export interface Caller {
  username: string;
  displayName?: string | null;
  roles: readonly string[];
  regionId?: string | null;
  municipalityId?: string | null;
  schoolId?: string | null;
}

export type PageKey =
  | 'overview' | 'schools' | 'school' | 'identification' | 'pairing' | 'pairs' | 'graph' | 'import' | 'settings'
  | 'home' | 'practices' | 'myPractices' | 'review' | 'development' | 'mentoring' | 'mySchool' | 'teacher' | 'associations'
  | 'recommendations' | 'helpLog' | 'events' | 'programmes' | 'programme' | 'roadmaps'
  | 'monitoring' | 'monitoringTargets' | 'reports' | 'monitoringCalendar';

const COORDINATORS: RoleName[] = ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR'];
const EVERYONE: RoleName[] = ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'SCHOOL_ADMIN', 'METHODIST', 'MENTOR', 'TEACHER'];
/** Roles that may approve practices (approvePractice/rejectPractice). */
export const REVIEWER_ROLES: RoleName[] = ['METHODIST', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that may record their school's adoption of a practice (recordPracticeAdoption); a teacher may too, for the school of their teacher record. */
export const ADOPTION_ROLES: RoleName[] = ['SCHOOL_ADMIN', 'METHODIST', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that manage a school's teachers (recordDiagnostic, createTeacher, proposeMentoring). */
export const TEACHER_MANAGER_ROLES: RoleName[] = ['SCHOOL_ADMIN', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that may create support events (createSupportEvent; a school admin only internships at a leader school). */
export const EVENT_ORGANISER_ROLES: RoleName[] = ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'METHODIST', 'CURATOR', 'SCHOOL_ADMIN'];
/** Roles that may add association events (besides the managers of its territory). */
export const ASSOCIATION_EDITOR_ROLES: RoleName[] = ['METHODIST', 'SCHOOL_ADMIN', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that issue addressed recommendations and log methodological help on their territory (issue 15). */
export const RECOMMENDATION_ISSUER_ROLES: RoleName[] = ['METHODIST', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
export const SUPPORT_ROLES: RoleName[] = RECOMMENDATION_ISSUER_ROLES;

// Mirrors the @auth roles of the API fields each page relies on (ADMIN may do everything).
export const PAGE_ROLES: Record<PageKey, RoleName[]> = {
  overview: COORDINATORS,
  schools: COORDINATORS,
  school: COORDINATORS,
  identification: COORDINATORS,
  pairing: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR'],
  pairs: COORDINATORS,
  graph: COORDINATORS,
  import: ['REGIONAL_COORDINATOR'],
  settings: ['REGIONAL_COORDINATOR'],
  home: EVERYONE,
  practices: EVERYONE,
  myPractices: ['TEACHER', 'MENTOR', 'SCHOOL_ADMIN', 'METHODIST'],
  review: REVIEWER_ROLES,
  development: ['TEACHER', 'MENTOR'],
  mentoring: ['MENTOR'],
  mySchool: ['SCHOOL_ADMIN'],
  // The API decides per teacher (self, mentor, school admin, coordinators); the page shows «Нет доступа» otherwise.
  teacher: EVERYONE,
  associations: EVERYONE,
  // Support: the school's own programmes (school admin) or the territory's list of gaps (coordinators, programmeGaps).
  programmes: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'SCHOOL_ADMIN'],
  // One programme: anyone whose territory covers the school reads it (the API decides).
  programme: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'SCHOOL_ADMIN', 'METHODIST'],
  // Issuers see those they gave; a school admin, a teacher and a municipal coordinator those they received.
  recommendations: ['METHODIST', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR', 'SCHOOL_ADMIN', 'TEACHER', 'MENTOR'],
  helpLog: ['METHODIST', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR', 'SCHOOL_ADMIN'],
  events: EVERYONE,
  // Keepers (coordinators, school admins) and readers (curators, methodists) of roadmaps; the API checks the territory.
  roadmaps: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'METHODIST', 'SCHOOL_ADMIN'],
  // Monitoring (issue 16): the dashboards are read like monitoringDashboard (a school admin sees their own school);
  // targets are set by the coordinators (setMonitoringTarget).
  monitoring: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'METHODIST', 'CURATOR', 'SCHOOL_ADMIN'],
  monitoringTargets: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR'],
  // Справки (monitoringReports): the territory's staff; a school admin gets the card of their school.
  reports: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'METHODIST', 'SCHOOL_ADMIN'],

  // monitoringCalendar: each reader sees the submitters of their own territory (the API filters them).
  monitoringCalendar: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'METHODIST', 'SCHOOL_ADMIN'],
};

/** Roles that agree school programmes or return them to draft (changeSchoolProgrammeStatus to AGREED/DRAFT). */
export const PROGRAMME_AGREEMENT_ROLES: RoleName[] = ['MUNICIPAL_COORDINATOR'];
/** Roles that keep the partner catalogue (createPartner). */
export const PARTNER_EDITOR_ROLES: RoleName[] = ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR'];

/** Coordinators start on the regional overview; everyone else on their personal start page. */
export function startsOnOverview(caller: Caller | null | undefined): boolean {
  return canOpen(caller, 'overview');
}

export function hasAnyRole(caller: Caller | null | undefined, roles: readonly RoleName[]): boolean {
  if (!caller) return false;
  return caller.roles.includes('ADMIN') || roles.some((r) => caller.roles.includes(r));
}

export function canOpen(caller: Caller | null | undefined, page: PageKey): boolean {
  return hasAnyRole(caller, PAGE_ROLES[page]);
}

export function canRunIdentification(caller: Caller | null | undefined): boolean {
  return hasAnyRole(caller, ['REGIONAL_COORDINATOR']);
}

/** The municipality a caller is confined to, or null when they see the whole region. */
export function fixedMunicipality(caller: Caller | null | undefined): string | null {
  if (!caller || caller.roles.includes('ADMIN')) return null;
  return caller.municipalityId ?? null;
}

/** True when a school of this municipality lies inside the caller's territory. */
export function coversMunicipality(caller: Caller | null | undefined, regionId: string, municipalityId: string): boolean {
  if (!caller) return false;
  if (caller.roles.includes('ADMIN')) return true;
  if (caller.regionId && caller.regionId !== regionId) return false;
  const fixed = fixedMunicipality(caller);
  return fixed == null || fixed === municipalityId;
}

export interface NavItem {
  key: PageKey;
  path: string;
  label: string;
  /** A menu group the item is shown under (e.g. «Сопровождение»); top level when absent. */
  group?: string;
}

/** The menu group of the support cycle (programmes, roadmaps, recommendations, events, help). */
export const SUPPORT_GROUP = 'Сопровождение';
/** The menu group of monitoring (issue 16: indicators, targets, справки, calendar). */
export const MONITORING_GROUP = 'Мониторинг';

const NAV: NavItem[] = [
  { key: 'overview', path: '/', label: 'Обзор региона' },
  { key: 'schools', path: '/schools', label: 'Школы' },
  { key: 'identification', path: '/identification', label: 'Идентификация' },
  { key: 'pairing', path: '/pairing', label: 'Подбор пар' },
  { key: 'pairs', path: '/pairs', label: 'Сетевые пары' },
  { key: 'graph', path: '/graph', label: 'Граф сети' },
  { key: 'import', path: '/import', label: 'Загрузка данных' },
  { key: 'home', path: '/home', label: 'Моя страница' },
  { key: 'mentoring', path: '/mentoring', label: 'Наставничество' },
  { key: 'development', path: '/development', label: 'Моё развитие' },
  { key: 'mySchool', path: '/my-school', label: 'Моя школа' },
  { key: 'review', path: '/review', label: 'Рассмотрение практик' },
  { key: 'practices', path: '/practices', label: 'Банк практик' },
  { key: 'myPractices', path: '/my-practices', label: 'Мои практики' },
  { key: 'associations', path: '/associations', label: 'Объединения' },
  { key: 'programmes', path: '/programmes', label: 'Программы школ', group: SUPPORT_GROUP },
  { key: 'roadmaps', path: '/roadmaps', label: 'Дорожные карты', group: SUPPORT_GROUP },
  { key: 'recommendations', path: '/recommendations', label: 'Рекомендации', group: SUPPORT_GROUP },
  { key: 'helpLog', path: '/help-log', label: 'Методическая помощь', group: SUPPORT_GROUP },
  { key: 'events', path: '/events', label: 'Мероприятия и курсы', group: SUPPORT_GROUP },
  { key: 'monitoring', path: '/monitoring', label: 'Показатели', group: MONITORING_GROUP },
  { key: 'monitoringTargets', path: '/monitoring-targets', label: 'Целевые значения', group: MONITORING_GROUP },
  { key: 'reports', path: '/reports', label: 'Справки', group: MONITORING_GROUP },
  { key: 'monitoringCalendar', path: '/monitoring/calendar', label: 'Календарь мониторинга', group: MONITORING_GROUP },
];

export function navigationFor(caller: Caller | null | undefined): NavItem[] {
  return NAV.filter((item) => canOpen(caller, item.key));
}

/** A submitter row of the monitoring calendar the caller may mark (markMonitoringSubmitted; the API checks again). */
export function canMarkSubmission(caller: Caller | null | undefined,
  submitter: { territoryId: string; level: string; municipalityId?: string | null }): boolean {
  if (!caller) return false;
  if (caller.roles.includes('ADMIN') || caller.roles.includes('REGIONAL_COORDINATOR')) return true;
  if (caller.roles.includes('MUNICIPAL_COORDINATOR') && submitter.level !== 'REGION') {
    return caller.municipalityId != null && caller.municipalityId === submitter.municipalityId;
  }
  return caller.roles.includes('SCHOOL_ADMIN') && submitter.level === 'SCHOOL' && caller.schoolId === submitter.territoryId;
}
