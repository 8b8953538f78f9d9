import { describe, expect, it } from 'vitest';
import { canMarkSubmission, canOpen, coversMunicipality, fixedMunicipality, navigationFor, startsOnOverview } from './access';

const regional = { username: 'r', roles: ['REGIONAL_COORDINATOR'], regionId: 'R1' };
const municipal = { username: 'm', roles: ['MUNICIPAL_COORDINATOR'], regionId: 'R1', municipalityId: 'R1-M1' };
const teacher = { username: 't', roles: ['TEACHER'], regionId: 'R1', municipalityId: 'R1-M1', schoolId: 'S1' };
const admin = { username: 'a', roles: ['ADMIN'] };

describe('navigation by role', () => {
  it('gives a regional coordinator every coordinator page', () => {
    expect(navigationFor(regional).map((i) => i.key)).toEqual(
      ['overview', 'schools', 'identification', 'pairing', 'pairs', 'graph', 'import', 'home', 'review', 'practices', 'associations',
        'programmes', 'roadmaps', 'recommendations', 'helpLog', 'events', 'monitoring', 'monitoringTargets', 'reports', 'monitoringCalendar']);
  });

  it('opens the справки to the territory staff and school admins, not to teachers', () => {
    expect(navigationFor(regional).filter((i) => i.group === 'Мониторинг').map((i) => i.key)).toEqual(['monitoring', 'monitoringTargets', 'reports', 'monitoringCalendar']);
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'reports')).toBe(true);
    expect(canOpen(teacher, 'reports')).toBe(false);
    expect(canOpen({ username: 'x', roles: ['MENTOR'] }, 'reports')).toBe(false);
  });

  it('gives a municipal coordinator no import', () => {
    expect(navigationFor(municipal).map((i) => i.key)).not.toContain('import');
    expect(canOpen(municipal, 'pairing')).toBe(true);
  });

  it('gives a teacher their own pages and nothing of the coordinators', () => {
    expect(navigationFor(teacher).map((i) => i.key)).toEqual(['home', 'development', 'practices', 'myPractices', 'associations',
      'recommendations', 'events']);
    expect(canOpen(teacher, 'school')).toBe(false);
    expect(canOpen(teacher, 'review')).toBe(false);
    expect(startsOnOverview(teacher)).toBe(false);
  });

  it('gives a mentor the workspace and a methodist the review queue, a school admin their school', () => {
    expect(canOpen({ username: 'm', roles: ['MENTOR', 'TEACHER'] }, 'mentoring')).toBe(true);
    expect(canOpen({ username: 'x', roles: ['METHODIST'] }, 'review')).toBe(true);
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'mySchool')).toBe(true);
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'mentoring')).toBe(false);
    expect(startsOnOverview(regional)).toBe(true);
  });

  it('puts the support pages under «Сопровождение» for everybody signed in', () => {
    expect(navigationFor(teacher).find((i) => i.key === 'events')?.group).toBe('Сопровождение');
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'events')).toBe(true);
  });

  it('lets an administrator open everything', () => {
    expect(navigationFor(admin)).toHaveLength(24);
  });

  it('groups the support pages: issuers and school admins get the help log, teachers only recommendations', () => {
    const methodist = { username: 'x', roles: ['METHODIST'], regionId: 'R1' };
    expect(navigationFor(methodist).filter((i) => i.group === 'Сопровождение').map((i) => i.key)).toEqual(['roadmaps', 'recommendations', 'helpLog', 'events']);
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'helpLog')).toBe(true);
    expect(canOpen(teacher, 'helpLog')).toBe(false);
    expect(canOpen({ username: 'm', roles: ['MENTOR'] }, 'recommendations')).toBe(true);
  });

  it('opens the roadmaps to their keepers and readers, not to teachers', () => {
    expect(canOpen(municipal, 'roadmaps')).toBe(true);
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'roadmaps')).toBe(true);
    expect(canOpen({ username: 'c', roles: ['CURATOR'] }, 'roadmaps')).toBe(true);
    expect(canOpen(teacher, 'roadmaps')).toBe(false);
    expect(navigationFor(regional).find((i) => i.key === 'roadmaps')?.group).toBe('Сопровождение');
  });
});

describe('monitoring calendar', () => {
  it('is under «Мониторинг» for coordinators, methodists, curators and school admins, not teachers', () => {
    expect(navigationFor(regional).find((i) => i.key === 'monitoringCalendar')?.group).toBe('Мониторинг');
    expect(canOpen(municipal, 'monitoringCalendar')).toBe(true);
    expect(canOpen({ username: 's', roles: ['SCHOOL_ADMIN'] }, 'monitoringCalendar')).toBe(true);
    expect(canOpen({ username: 'x', roles: ['METHODIST'] }, 'monitoringCalendar')).toBe(true);
    expect(canOpen(teacher, 'monitoringCalendar')).toBe(false);
  });

  it('lets the territory itself or a coordinator above it mark a submission', () => {
    const schoolRow = { territoryId: 'S1', level: 'SCHOOL', municipalityId: 'R1-M1' };
    const otherSchoolRow = { territoryId: 'S2', level: 'SCHOOL', municipalityId: 'R1-M2' };
    const regionRow = { territoryId: 'R1', level: 'REGION', municipalityId: null };
    const schoolAdmin = { username: 's', roles: ['SCHOOL_ADMIN'], regionId: 'R1', municipalityId: 'R1-M1', schoolId: 'S1' };
    expect(canMarkSubmission(regional, regionRow)).toBe(true);
    expect(canMarkSubmission(municipal, schoolRow)).toBe(true);
    expect(canMarkSubmission(municipal, otherSchoolRow)).toBe(false);
    expect(canMarkSubmission(municipal, regionRow)).toBe(false);
    expect(canMarkSubmission(schoolAdmin, schoolRow)).toBe(true);
    expect(canMarkSubmission(schoolAdmin, otherSchoolRow)).toBe(false);
    expect(canMarkSubmission({ username: 'x', roles: ['METHODIST'], regionId: 'R1' }, schoolRow)).toBe(false);
  });
});

describe('monitoring pages', () => {
  it('puts the dashboards under «Мониторинг»: readers of the territory see them, only coordinators set targets', () => {
    const methodist = { username: 'x', roles: ['METHODIST'], regionId: 'R1' };
    const schoolAdmin = { username: 's', roles: ['SCHOOL_ADMIN'], regionId: 'R1', schoolId: 'S1' };
    expect(navigationFor(municipal).filter((i) => i.group === 'Мониторинг').map((i) => i.key)).toEqual(['monitoring', 'monitoringTargets', 'reports', 'monitoringCalendar']);
    expect(navigationFor(methodist).filter((i) => i.group === 'Мониторинг').map((i) => i.key)).toEqual(['monitoring', 'reports', 'monitoringCalendar']);
    expect(canOpen(schoolAdmin, 'monitoring')).toBe(true);
    expect(canOpen(schoolAdmin, 'monitoringTargets')).toBe(false);
    expect(canOpen({ username: 'c', roles: ['CURATOR'] }, 'monitoringTargets')).toBe(false);
    expect(canOpen(teacher, 'monitoring')).toBe(false);
    expect(canOpen({ username: 'm', roles: ['MENTOR'] }, 'monitoring')).toBe(false);
  });
});

describe('territory', () => {
  it('confines a municipal coordinator to their municipality', () => {
    expect(fixedMunicipality(municipal)).toBe('R1-M1');
    expect(coversMunicipality(municipal, 'R1', 'R1-M1')).toBe(true);
    expect(coversMunicipality(municipal, 'R1', 'R1-M2')).toBe(false);
  });

  it('lets a regional coordinator see the region only', () => {
    expect(fixedMunicipality(regional)).toBeNull();
    expect(coversMunicipality(regional, 'R1', 'R1-M2')).toBe(true);
    expect(coversMunicipality(regional, 'R2', 'R2-M1')).toBe(false);
  });
});
