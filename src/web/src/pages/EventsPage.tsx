import { useState } from 'react';
import dayjs from 'dayjs';
import {
  Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Modal, Row, Select, Space, Table, Tabs, Tag, Typography,
} from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { EventAudience, SupportEventFormat, SupportEventKind, SupportEventLevel, SupportEventsQuery } from '../gql/graphql';
import { useCaller } from '../auth/CallerContext';
import { EVENT_ORGANISER_ROLES, hasAnyRole } from '../lib/access';
import { QueryState } from '../components/QueryState';
import { useAction } from '../lib/useAction';
import { formatDate, formatInt } from '../lib/format';

const EventsQuery = graphql(`
  query SupportEvents($regionId: ID!, $filter: SupportEventFilter, $first: Int!) {
    supportEvents(regionId: $regionId, filter: $filter, first: $first) {
      totalCount
      edges { node {
        id kind kindLabel level format title topic targetGroup audience startDate endDate organiserName place capacity
        registeredCount attendedCount canMarkAttendance
        hostSchool { id name }
        course { id title hours }
        registrations { id attended school { id name } teacher { id fullName } }
      } }
    }
    myMentoring { me { id fullName } }
  }
`);
const CatalogueQuery = graphql(`
  query CourseCatalogue($regionId: ID!) {
    courseCatalogue(regionId: $regionId) { id title provider hours competences format description }
  }
`);
const CreateEvent = graphql(`mutation CreateSupportEvent($input: SupportEventInput!) { createSupportEvent(input: $input) { id } }`);
const RegisterSchool = graphql(`mutation RegisterSchoolForEvent($eventId: ID!, $schoolId: ID!) {
  registerSchoolForEvent(eventId: $eventId, schoolId: $schoolId) { id } }`);
const RegisterTeacher = graphql(`mutation RegisterTeacherForEvent($eventId: ID!, $teacherId: ID!) {
  registerTeacherForEvent(eventId: $eventId, teacherId: $teacherId) { id } }`);
const MarkAttendance = graphql(`mutation MarkEventAttendance($registrationId: ID!, $attended: Boolean!) {
  markEventAttendance(registrationId: $registrationId, attended: $attended) { id attended } }`);

type SupportEvent = SupportEventsQuery['supportEvents']['edges'][number]['node'];

const KINDS: Record<string, string> = {
  SEMINAR: 'Семинар', ROUND_TABLE: 'Круглый стол', WEBINAR: 'Вебинар', COURSE: 'Курсы', INTERNSHIP: 'Стажировка',
};
const LEVELS: Record<SupportEventLevel, string> = { SCHOOL: 'школьный', MUNICIPAL: 'муниципальный', REGIONAL: 'региональный', FEDERAL: 'федеральный' };
const FORMATS: Record<SupportEventFormat, string> = { IN_PERSON: 'очно', ONLINE: 'онлайн', MIXED: 'смешанный' };
const AUDIENCES: Record<string, string> = { SCHOOLS: 'школы', TEACHERS: 'педагоги', SCHOOLS_AND_TEACHERS: 'школы и педагоги' };
const COMPETENCES: Record<string, string> = {
  SUBJECT: 'предметные', METHODICAL: 'методические', ASSESSMENT: 'оценивание', FUNCTIONAL_LITERACY: 'функциональная грамотность',
  DIGITAL: 'цифровые', PSYCHOLOGICAL: 'психолого-педагогические', INCLUSIVE: 'инклюзия', MOTIVATION: 'мотивация', MANAGEMENT: 'управление',
};
const options = <T extends string>(labels: Record<T, string>) => (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));

const today = () => dayjs().format('YYYY-MM-DD');
/** Events shown at once: each carries its registrations, and the API's cost limit counts them (narrow with the filters). */
const PAGE = 30;

export default function EventsPage() {
  const caller = useCaller();
  const regionId = caller.regionId ?? '';
  const [level, setLevel] = useState<SupportEventLevel | undefined>();
  const [format, setFormat] = useState<SupportEventFormat | undefined>();
  const [period, setPeriod] = useState<[dayjs.Dayjs, dayjs.Dayjs] | null>(null);
  const filter = {
    level: level ?? null, format: format ?? null,
    from: period ? period[0].format('YYYY-MM-DD') : null, to: period ? period[1].format('YYYY-MM-DD') : null,
  };
  const [{ data, fetching, error }, reload] = useQuery({ query: EventsQuery, variables: { regionId, filter, first: PAGE }, pause: !regionId });
  const [catalogue] = useQuery({ query: CatalogueQuery, variables: { regionId }, pause: !regionId });
  const [, createEvent] = useMutation(CreateEvent);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();
  const act = useAction(() => {
    setCreating(false);
    form.resetFields();
    reload({ requestPolicy: 'network-only' });
  });
  const events = (data?.supportEvents.edges ?? []).map((e) => e.node);
  const me = data?.myMentoring.me ?? null;
  const canCreate = hasAnyRole(caller, EVENT_ORGANISER_ROLES);
  const schoolAdminOnly = !!caller.schoolId && caller.roles.includes('SCHOOL_ADMIN') && !hasAnyRole(caller, ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'METHODIST', 'CURATOR']);

  const submit = async () => {
    const v = await form.validateFields();
    const input = {
      regionId, kind: v.kind as SupportEventKind, level: v.level as SupportEventLevel, format: v.format as SupportEventFormat,
      title: v.title, topic: v.topic, targetGroup: v.targetGroup, audience: v.audience as EventAudience, startDate: v.dates[0].format('YYYY-MM-DD'), endDate: v.dates[1].format('YYYY-MM-DD'),
      municipalityId: v.level === 'MUNICIPAL' ? caller.municipalityId ?? null : null,
      hostSchoolId: schoolAdminOnly ? caller.schoolId : null,
      organiserName: v.organiserName || null, place: v.place || null, capacity: v.capacity ?? null,
    };
    await act(() => createEvent({ input }), 'Мероприятие создано');
  };

  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="events-title">Мероприятия и курсы</Typography.Title>
      <Tabs items={[
        {
          key: 'events', label: 'Мероприятия', children: (
            <>
              <Space wrap style={{ marginBottom: 16 }}>
                <Select aria-label="Уровень" placeholder="Уровень" allowClear style={{ width: 180 }} value={level} onChange={setLevel}
                  options={options(LEVELS)} data-testid="filter-level" />
                <Select aria-label="Формат" placeholder="Формат" allowClear style={{ width: 160 }} value={format} onChange={setFormat}
                  options={options(FORMATS)} />
                <DatePicker.RangePicker format="DD.MM.YYYY" value={period} placeholder={['с', 'по']}
                  onChange={(v) => setPeriod(v && v[0] && v[1] ? [v[0], v[1]] : null)} />
                {canCreate && <Button type="primary" onClick={() => setCreating(true)} data-testid="event-create">
                  {schoolAdminOnly ? 'Новая стажировка' : 'Новое мероприятие'}</Button>}
                <span className="muted">найдено: {formatInt(data?.supportEvents.totalCount)}
                  {(data?.supportEvents.totalCount ?? 0) > PAGE ? `, показаны ${PAGE} последних — уточните фильтры` : ''}</span>
              </Space>
              <QueryState fetching={fetching} error={error} empty={events.length === 0} emptyText="Мероприятий не найдено">
                <Row gutter={[16, 16]} data-testid="events" data-ready={!fetching}>
                  {events.map((e) => (
                    <Col xs={24} xl={12} key={e.id}>
                      <EventCard event={e} teacherId={me?.id ?? null} onChange={() => reload({ requestPolicy: 'network-only' })} />
                    </Col>
                  ))}
                </Row>
              </QueryState>
            </>
          ),
        },
        {
          key: 'catalogue', label: 'Каталог курсов', children: (
            <QueryState fetching={catalogue.fetching} error={catalogue.error} empty={(catalogue.data?.courseCatalogue ?? []).length === 0}
              emptyText="Каталог пуст">
              <Table rowKey="id" size="small" pagination={false} dataSource={catalogue.data?.courseCatalogue ?? []} data-testid="course-catalogue"
                columns={[
                  { title: 'Курс', dataIndex: 'title', render: (t: string, c) => <><div>{t}</div><div className="muted">{c.description}</div></> },
                  { title: 'Организатор', dataIndex: 'provider' },
                  { title: 'Часов', dataIndex: 'hours', align: 'right' },
                  { title: 'Формат', dataIndex: 'format', render: (f: SupportEventFormat) => FORMATS[f] },
                  { title: 'Компетенции', dataIndex: 'competences', render: (cs: string[]) => cs.map((c) => <Tag key={c}>{COMPETENCES[c] ?? c}</Tag>) },
                ]} />
            </QueryState>
          ),
        },
      ]} />
      <Modal open={creating} title={schoolAdminOnly ? 'Новая стажировка на базе школы' : 'Новое мероприятие'} okText="Создать" cancelText="Отмена"
        destroyOnHidden onCancel={() => setCreating(false)} onOk={submit}>
        <Form form={form} layout="vertical" data-testid="event-form"
          initialValues={schoolAdminOnly ? { kind: 'INTERNSHIP', level: 'SCHOOL', audience: 'TEACHERS', format: 'IN_PERSON' }
            : { level: caller.municipalityId ? 'MUNICIPAL' : 'REGIONAL', audience: 'SCHOOLS_AND_TEACHERS', format: 'IN_PERSON' }}>
          <Form.Item name="kind" label="Вид" rules={[{ required: true, message: 'Укажите вид мероприятия' }]}>
            <Select options={options(KINDS)} disabled={schoolAdminOnly} aria-label="Вид" />
          </Form.Item>
          <Form.Item name="level" label="Уровень" rules={[{ required: true, message: 'Укажите уровень' }]}>
            <Select options={options(LEVELS)} disabled={schoolAdminOnly} aria-label="Уровень мероприятия" />
          </Form.Item>
          <Form.Item name="format" label="Формат" rules={[{ required: true }]}><Select options={options(FORMATS)} aria-label="Формат мероприятия" /></Form.Item>
          <Form.Item name="title" label="Название" rules={[{ required: true, whitespace: true, message: 'Укажите название' }]}><Input /></Form.Item>
          <Form.Item name="topic" label="Тема" rules={[{ required: true, whitespace: true, message: 'Укажите тему' }]}><Input /></Form.Item>
          <Form.Item name="targetGroup" label="Целевая группа" rules={[{ required: true, whitespace: true, message: 'Укажите, для кого мероприятие' }]}>
            <Input placeholder="учителя математики ШНОР" /></Form.Item>
          <Form.Item name="audience" label="Регистрируются" rules={[{ required: true }]}><Select options={options(AUDIENCES)} aria-label="Регистрируются" /></Form.Item>
          <Form.Item name="dates" label="Даты" rules={[{ required: true, message: 'Укажите даты' }]}>
            <DatePicker.RangePicker format="DD.MM.YYYY" placeholder={['начало', 'окончание']} /></Form.Item>
          {!schoolAdminOnly && <Form.Item name="organiserName" label="Организатор" rules={[{ required: true, whitespace: true, message: 'Укажите организатора' }]}>
            <Input placeholder="Институт развития образования" /></Form.Item>}
          <Form.Item name="place" label="Место"><Input /></Form.Item>
          <Form.Item name="capacity" label="Мест"><InputNumber min={1} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function EventCard({ event, teacherId, onChange }: { event: SupportEvent; teacherId: string | null; onChange: () => void }) {
  const caller = useCaller();
  const [, registerSchool] = useMutation(RegisterSchool);
  const [, registerTeacher] = useMutation(RegisterTeacher);
  const [, mark] = useMutation(MarkAttendance);
  const act = useAction(onChange);
  const open = event.endDate >= today();
  const started = event.startDate <= today();
  const schoolId = caller.schoolId;
  const schoolRegistered = event.registrations.some((r) => !r.teacher && r.school.id === schoolId);
  const teacherRegistered = !!teacherId && event.registrations.some((r) => r.teacher?.id === teacherId);
  const full = event.capacity != null && event.registeredCount >= event.capacity;
  const canRegisterSchool = open && !full && caller.roles.includes('SCHOOL_ADMIN') && !!schoolId && event.audience !== 'TEACHERS' && !schoolRegistered;
  const canRegisterSelf = open && !full && !!teacherId && event.audience !== 'SCHOOLS' && !teacherRegistered;
  const dates = event.startDate === event.endDate ? formatDate(event.startDate) : `${formatDate(event.startDate)} — ${formatDate(event.endDate)}`;

  return (
    <Card data-testid="event" data-event-id={event.id} title={event.title}
      extra={<Space>
        {canRegisterSchool && <Button onClick={() => act(() => registerSchool({ eventId: event.id, schoolId: schoolId! }), 'Школа зарегистрирована')}>
          Зарегистрировать школу</Button>}
        {canRegisterSelf && <Button onClick={() => act(() => registerTeacher({ eventId: event.id, teacherId: teacherId! }), 'Вы зарегистрированы')}>
          Записаться</Button>}
        {schoolRegistered && <Tag color="green">школа зарегистрирована</Tag>}
        {teacherRegistered && <Tag color="green">вы записаны</Tag>}
      </Space>}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Tag color="blue">{event.kindLabel}</Tag><Tag>{LEVELS[event.level]}</Tag><Tag>{FORMATS[event.format]}</Tag>
        <span>{dates}</span>
        {!open && <Tag>завершено</Tag>}
      </Space>
      <div><Typography.Text type="secondary">Тема:</Typography.Text> {event.topic}</div>
      <div><Typography.Text type="secondary">Для кого:</Typography.Text> {event.targetGroup} ({AUDIENCES[event.audience]})</div>
      <div><Typography.Text type="secondary">Организатор:</Typography.Text> {event.organiserName}{event.place ? `, ${event.place}` : ''}</div>
      {event.course && <div><Typography.Text type="secondary">Курс каталога:</Typography.Text> {event.course.title}, {event.course.hours} ч</div>}
      <div data-testid="event-counts">
        <Typography.Text type="secondary">Зарегистрировано:</Typography.Text> {event.registeredCount}{event.capacity != null ? ` из ${event.capacity}` : ''}
        {started && <>; <Typography.Text type="secondary">посетили:</Typography.Text> {event.attendedCount}</>}
      </div>
      {event.registrations.length > 0 && (
        <details style={{ marginTop: 8 }} open={event.canMarkAttendance && started}>
          <summary>Участники ({event.registrations.length})</summary>
          <List size="small" dataSource={event.registrations} renderItem={(r) => (
            <List.Item data-testid="registration" data-registration-id={r.id}
              actions={event.canMarkAttendance && started ? [
                <Button key="yes" size="small" type={r.attended === true ? 'primary' : 'default'}
                  onClick={() => act(() => mark({ registrationId: r.id, attended: true }), 'Посещение отмечено')}>был</Button>,
                <Button key="no" size="small" danger={r.attended === false}
                  onClick={() => act(() => mark({ registrationId: r.id, attended: false }), 'Отмечено отсутствие')}>не был</Button>,
              ] : []}>
              <span>{r.teacher ? `${r.teacher.fullName} (${r.school.name})` : r.school.name}</span>
              {r.attended === true && <Tag color="green" style={{ marginLeft: 8 }}>посетил</Tag>}
              {r.attended === false && <Tag color="red" style={{ marginLeft: 8 }}>не был</Tag>}
            </List.Item>
          )} />
        </details>
      )}
    </Card>
  );
}
