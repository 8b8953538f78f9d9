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
  | 'roadmaps';

const COORDINATORS: RoleName[] = ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR'];
const EVERYONE: RoleName[] = ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'SCHOOL_ADMIN', 'METHODIST', 'MENTOR', 'TEACHER'];
/** Roles that may approve practices (approvePractice/rejectPractice). */
export const REVIEWER_ROLES: RoleName[] = ['METHODIST', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that may record their school's adoption of a practice (recordPracticeAdoption); a teacher may too, for the school of their teacher record. */
export const ADOPTION_ROLES: RoleName[] = ['SCHOOL_ADMIN', 'METHODIST', 'CURATOR', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that manage a school's teachers (recordDiagnostic, createTeacher, proposeMentoring). */
export const TEACHER_MANAGER_ROLES: RoleName[] = ['SCHOOL_ADMIN', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];
/** Roles that may add association events (besides the managers of its territory). */
export const ASSOCIATION_EDITOR_ROLES: RoleName[] = ['METHODIST', 'SCHOOL_ADMIN', 'MUNICIPAL_COORDINATOR', 'REGIONAL_COORDINATOR'];

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
  // Keepers (coordinators, school admins) and readers (curators, methodists) of roadmaps; the API checks the territory.
  roadmaps: ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'CURATOR', 'METHODIST', 'SCHOOL_ADMIN'],
};

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
  /** The menu group the item sits in (e.g. «Сопровождение»); none for top-level items. */
  group?: string;
}

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
  { key: 'roadmaps', path: '/roadmaps', label: 'Дорожные карты', group: 'Сопровождение' },
];

export function navigationFor(caller: Caller | null | undefined): NavItem[] {
  return NAV.filter((item) => canOpen(caller, item.key));
}
