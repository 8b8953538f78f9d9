import { Card, Col, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { canOpen, hasAnyRole, REVIEWER_ROLES } from '../lib/access';
import { NotificationList } from '../components/NotificationsPanel';

const HomeQuery = graphql(`
  query HomeSummary($mentoring: Boolean!, $reviewer: Boolean!, $schoolAdmin: Boolean!, $schoolId: ID!) {
    school(id: $schoolId) @include(if: $schoolAdmin) { id name teachers { id diagnostics { id } plans { id } } }
    myMentoring(staleWeeks: 4) @include(if: $mentoring) {
      me { id fullName plans { id progress goals { id status } } }
      mentees { relation { id } stale }
      myMentors { id }
    }
    queue: searchPractices(filter: { statuses: [SUBMITTED] }, first: 1) @include(if: $reviewer) { totalCount }
    mine: searchPractices(filter: { mine: true }, first: 1) { totalCount }
    myBookmarks { id }
  }
`);

const ROLE_TITLES: [string, string][] = [
  ['SCHOOL_ADMIN', 'Администрация школы'], ['METHODIST', 'Методист'], ['MENTOR', 'Наставник'], ['TEACHER', 'Педагог'],
  ['REGIONAL_COORDINATOR', 'Региональный координатор'], ['MUNICIPAL_COORDINATOR', 'Муниципальный координатор'], ['CURATOR', 'Куратор'],
];

/** The personal start page: what needs attention (notifications) and the way into each of the role's pages. */
export default function HomePage() {
  const caller = useCaller();
  const mentoring = hasAnyRole(caller, ['TEACHER', 'MENTOR']) && !caller.roles.includes('ADMIN');
  const reviewer = hasAnyRole(caller, REVIEWER_ROLES);
  const schoolAdmin = caller.roles.includes('SCHOOL_ADMIN') && !!caller.schoolId;
  const [{ data }] = useQuery({ query: HomeQuery, variables: { mentoring, reviewer, schoolAdmin, schoolId: caller.schoolId ?? '' },
    requestPolicy: 'cache-and-network' });
  const teachers = data?.school?.teachers ?? [];
  const ws = data?.myMentoring;
  const plan = ws?.me?.plans[0];
  const role = ROLE_TITLES.find(([r]) => caller.roles.includes(r))?.[1] ?? 'Пользователь';
  const tiles: { key: string; show: boolean; title: string; value: string | number; link: string; testid: string }[] = [
    { key: 'mentees', show: canOpen(caller, 'mentoring'), title: 'Наставляемые', value: ws?.mentees.length ?? '…', link: '/mentoring', testid: 'tile-mentees' },
    { key: 'stale', show: canOpen(caller, 'mentoring'), title: 'Без встреч больше 4 недель', value: ws?.mentees.filter((m) => m.stale).length ?? '…', link: '/mentoring', testid: 'tile-stale' },
    { key: 'plan', show: canOpen(caller, 'development'), title: 'Мой ИОМ педагога выполнен', value: !data ? '…' : plan ? `${Math.round((plan.progress ?? 0) * 100)}%` : 'не составлен', link: '/development', testid: 'tile-plan' },
    { key: 'queue', show: reviewer, title: 'Практик ждут решения', value: data?.queue?.totalCount ?? '…', link: '/review', testid: 'tile-queue' },
    { key: 'school', show: canOpen(caller, 'mySchool'), title: 'Педагогов в школе', value: data ? teachers.length : '…', link: '/my-school', testid: 'tile-school' },
    { key: 'diagnosed', show: schoolAdmin, title: 'Прошли диагностику', value: data ? `${teachers.filter((t) => t.diagnostics.length > 0).length} из ${teachers.length}` : '…', link: '/my-school', testid: 'tile-diagnosed' },
    { key: 'plans', show: schoolAdmin, title: 'Есть ИОМ педагога', value: data ? `${teachers.filter((t) => t.plans.length > 0).length} из ${teachers.length}` : '…', link: '/my-school', testid: 'tile-plans' },
    { key: 'mine', show: canOpen(caller, 'myPractices'), title: 'Мои практики', value: data?.mine.totalCount ?? '…', link: '/my-practices', testid: 'tile-mine' },
    { key: 'bookmarks', show: true, title: 'Закладки в банке практик', value: data?.myBookmarks.length ?? '…', link: '/my-practices', testid: 'tile-bookmarks' },
  ];
  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="home-title" data-ready={data ? 'true' : 'false'}>{ws?.me?.fullName ?? data?.school?.name ?? caller.displayName ?? caller.username}</Typography.Title>
      <Typography.Paragraph type="secondary">{role}. Здесь — то, что требует вашего внимания, и вход в ваши разделы.</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {tiles.filter((t) => t.show).map((t) => (
          <Col xs={12} md={8} xl={6} key={t.key}>
            <Link to={t.link}><Card hoverable data-testid={t.testid}><Statistic title={t.title} value={t.value} /></Card></Link>
          </Col>
        ))}
        <Col span={24}>
          <Card title="Уведомления" data-testid="home-notifications"><NotificationList /></Card>
        </Col>
      </Row>
    </>
  );
}
