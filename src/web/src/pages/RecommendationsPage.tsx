import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { RecommendationRowFragment } from '../gql/graphql';
import { useCaller } from '../auth/CallerContext';
import { QueryState } from '../components/QueryState';
import { hasAnyRole, RECOMMENDATION_ISSUER_ROLES, type Caller } from '../lib/access';
import { formatDate } from '../lib/format';
import { statusLabel } from '../lib/status';
import { useAction } from '../lib/useAction';

graphql(`
  fragment RecommendationRow on Recommendation {
    id addresseeKind addresseeLabel text dueDate status statusLabel overdue issuerName issuedAt allowedActions
    school { id name } teacher { id fullName } municipalityName
    basis { kind label }
    response { text answeredByName answeredAt }
    check { outcome outcomeLabel comment checkedByName checkedOn }
  }
`);

const GivenQuery = graphql(`
  query RecommendationsGiven($status: RecommendationStatus, $overdueOnly: Boolean, $first: Int, $after: String) {
    recommendationsGiven(status: $status, overdueOnly: $overdueOnly, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecommendationRow } }
    }
  }
`);
const ReceivedQuery = graphql(`
  query RecommendationsReceived($addressee: RecommendationAddresseeInput!, $status: RecommendationStatus, $overdueOnly: Boolean,
                                $first: Int, $after: String) {
    recommendationsReceived(addressee: $addressee, status: $status, overdueOnly: $overdueOnly, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { ...RecommendationRow } }
    }
  }
`);
const MyTeacherQuery = graphql(`
  query RecommendationsMyTeacher { myMentoring { me { id } } }
`);
const SchoolOptionsQuery = graphql(`
  query RecommendationSchoolOptions($regionId: ID, $municipalityId: ID, $nameContains: String) {
    schools(filter: { regionId: $regionId, municipalityId: $municipalityId, nameContains: $nameContains }, first: 30) {
      edges { node { id name currentStatuses municipality { name } } }
    }
  }
`);
const SchoolBasisQuery = graphql(`
  query RecommendationSchoolBasis($id: ID!) {
    school(id: $id) {
      id currentStatuses
      assessment { riskProfile { factor label level } }
      teachers { id fullName diagnostics { id date instrument } }
    }
  }
`);
const MunicipalitiesQuery = graphql(`
  query RecommendationMunicipalities($regionId: ID!) { region(id: $regionId) { id municipalities { id name } } }
`);
const IssueMutation = graphql(`
  mutation IssueRecommendation($input: RecommendationInput!) { issueRecommendation(input: $input) { id } }
`);
const AnswerMutation = graphql(`
  mutation AnswerRecommendation($id: ID!, $text: String!) { answerRecommendation(id: $id, text: $text) { id status } }
`);
const CloseMutation = graphql(`
  mutation CloseRecommendation($id: ID!, $outcome: CheckOutcome!, $comment: String) {
    closeRecommendation(id: $id, outcome: $outcome, comment: $comment) { id status }
  }
`);

const STATUS_COLORS: Record<string, string> = { ISSUED: 'blue', ANSWERED: 'gold', CLOSED: 'green' };
const OUTCOME_COLORS: Record<string, string> = { DONE: 'green', PARTLY_DONE: 'orange', NOT_DONE: 'red' };
const ADDRESSEE_KINDS = [
  { value: 'SCHOOL', label: 'Школа' },
  { value: 'PARENTS', label: 'Родители обучающихся школы' },
  { value: 'TEACHER', label: 'Педагог' },
  { value: 'MUNICIPALITY', label: 'Муниципалитет' },
];
const OUTCOMES = [
  { value: 'DONE', label: 'Выполнена' },
  { value: 'PARTLY_DONE', label: 'Выполнена частично' },
  { value: 'NOT_DONE', label: 'Не выполнена' },
];
const PAGE = 20;

type Row = RecommendationRowFragment;
type Mode = { kind: 'given' } | { kind: 'received'; addressee: { schoolId?: string; teacherId?: string; municipalityId?: string } };

function addresseeOf(r: Row): string {
  if (r.addresseeKind === 'MUNICIPALITY') return r.municipalityName ?? 'Муниципалитет';
  if (r.addresseeKind === 'TEACHER') return `${r.teacher?.fullName ?? ''} (${r.school?.name ?? ''})`;
  return `${r.addresseeKind === 'PARENTS' ? 'Родители: ' : ''}${r.school?.name ?? ''}`;
}

/** Recommendations given by the caller (issuers) and received by the caller's school, teacher record or municipality. */
export default function RecommendationsPage() {
  const caller = useCaller();
  const issuer = hasAnyRole(caller, RECOMMENDATION_ISSUER_ROLES);
  const me = useQuery({ query: MyTeacherQuery, pause: !caller.roles.includes('TEACHER') && !caller.roles.includes('MENTOR') });
  const teacherId = me[0].data?.myMentoring.me?.id ?? null;
  const received: { key: string; label: string; mode: Mode }[] = [];
  if (caller.roles.includes('SCHOOL_ADMIN') && caller.schoolId) {
    received.push({ key: 'school', label: 'Полученные школой', mode: { kind: 'received', addressee: { schoolId: caller.schoolId } } });
  }
  if (teacherId) {
    received.push({ key: 'teacher', label: 'Полученные мной', mode: { kind: 'received', addressee: { teacherId } } });
  }
  if (caller.roles.includes('MUNICIPAL_COORDINATOR') && caller.municipalityId) {
    received.push({ key: 'municipality', label: 'Полученные муниципалитетом',
      mode: { kind: 'received', addressee: { municipalityId: caller.municipalityId } } });
  }
  const tabs = [
    ...(issuer ? [{ key: 'given', label: 'Выданные мной', children: <RecommendationList mode={{ kind: 'given' }} caller={caller} /> }] : []),
    ...received.map((r) => ({ key: r.key, label: r.label, children: <RecommendationList mode={r.mode} caller={caller} /> })),
  ];
  return (
    <>
      <Typography.Title level={2} className="page-title">Адресные рекомендации</Typography.Title>
      <Typography.Paragraph type="secondary">
        Рекомендации методистов, кураторов и координаторов школам, педагогам, родителям и муниципалитетам: основание, срок,
        ответ адресата и проверка исполнения.
      </Typography.Paragraph>
      {tabs.length === 0
        ? <Alert type="info" showIcon message="Для вашей учётной записи нет ни выданных, ни полученных рекомендаций" />
        : <Tabs items={tabs} data-testid="recommendation-tabs" />}
    </>
  );
}

function RecommendationList({ mode, caller }: { mode: Mode; caller: Caller }) {
  const [status, setStatus] = useState<string | undefined>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const common = { status: status as never, overdueOnly, first: PAGE, after };
  const [given, reloadGiven] = useQuery({ query: GivenQuery, variables: common, pause: mode.kind !== 'given' });
  const [rec, reloadReceived] = useQuery({
    query: ReceivedQuery, variables: { ...common, addressee: mode.kind === 'received' ? mode.addressee : {} }, pause: mode.kind !== 'received',
  });
  const result = mode.kind === 'given' ? given : rec;
  const connection = mode.kind === 'given' ? given.data?.recommendationsGiven : rec.data?.recommendationsReceived;
  const rows = (connection?.edges ?? []).map((e) => e.node as Row);
  const reload = () => (mode.kind === 'given' ? reloadGiven : reloadReceived)({ requestPolicy: 'network-only' });
  const [issuing, setIssuing] = useState(false);
  const [answering, setAnswering] = useState<Row | null>(null);
  const [closing, setClosing] = useState<Row | null>(null);

  const columns: ColumnsType<Row> = [
    { title: 'Адресат', key: 'addressee', render: (_, r) => <><Tag>{r.addresseeLabel}</Tag><div>{addresseeOf(r)}</div></> },
    { title: 'Основание', key: 'basis', render: (_, r) => r.basis.label },
    { title: 'Рекомендация', dataIndex: 'text', width: '30%' },
    { title: 'Срок', key: 'due', render: (_, r) => <>{formatDate(r.dueDate)}{r.overdue && <Tag color="red" style={{ marginLeft: 6 }}>просрочена</Tag>}</> },
    { title: 'Статус', key: 'status', render: (_, r) => <Tag color={STATUS_COLORS[r.status]} data-testid="recommendation-status">{r.statusLabel}</Tag> },
    {
      title: 'Ответ и проверка', key: 'answer', render: (_, r) => (
        <Space direction="vertical" size={2}>
          {r.response && <span><b>Ответ</b> ({r.response.answeredByName}): {r.response.text}</span>}
          {r.check && <span><Tag color={OUTCOME_COLORS[r.check.outcome]}>{r.check.outcomeLabel}</Tag>{r.check.comment}
            <span className="muted"> — {r.check.checkedByName}, {formatDate(r.check.checkedOn)}</span></span>}
          <span className="muted">Выдал(а): {r.issuerName}, {formatDate(r.issuedAt)}</span>
        </Space>
      ),
    },
    {
      title: '', key: 'actions', render: (_, r) => (
        <Space direction="vertical">
          {r.allowedActions.includes('ANSWER') && <Button type="primary" onClick={() => setAnswering(r)}>Ответить</Button>}
          {r.allowedActions.includes('CLOSE') && <Button onClick={() => setClosing(r)}>Проверить и закрыть</Button>}
        </Space>
      ),
    },
  ];

  return (
    <Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="Любой статус" style={{ width: 180 }} value={status} aria-label="Статус"
          onChange={(v) => { setStatus(v); setCursors([null]); }}
          options={[{ value: 'ISSUED', label: 'Выдана' }, { value: 'ANSWERED', label: 'Получен ответ' }, { value: 'CLOSED', label: 'Закрыта' }]} />
        <Space><Switch checked={overdueOnly} onChange={(v) => { setOverdueOnly(v); setCursors([null]); }} aria-label="Только просроченные" />
          Только просроченные</Space>
        {mode.kind === 'given' && <Button type="primary" onClick={() => setIssuing(true)}>Выдать рекомендацию</Button>}
      </Space>
      <QueryState fetching={result.fetching} error={result.error} empty={false}>
        <Table<Row> size="small" rowKey="id" dataSource={rows} columns={columns} pagination={false} data-testid="recommendations-table"
          rowClassName={(r) => (r.overdue ? 'row-overdue' : '')} locale={{ emptyText: 'Рекомендаций нет' }} />
        <Space style={{ marginTop: 12 }}>
          <span className="muted">Всего: {connection?.totalCount ?? 0}</span>
          <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>Назад</Button>
          <Button disabled={!connection?.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, connection?.pageInfo.endCursor ?? null])}>Дальше</Button>
        </Space>
      </QueryState>
      {issuing && <IssueDialog caller={caller} onClose={() => setIssuing(false)} onDone={() => { setIssuing(false); reload(); }} />}
      {answering && <AnswerDialog row={answering} onClose={() => setAnswering(null)} onDone={() => { setAnswering(null); reload(); }} />}
      {closing && <CloseDialog row={closing} onClose={() => setClosing(null)} onDone={() => { setClosing(null); reload(); }} />}
    </Card>
  );
}

function AnswerDialog({ row, onClose, onDone }: { row: Row; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [, answer] = useMutation(AnswerMutation);
  const run = useAction(onDone);
  return (
    <Modal open title="Ответ на рекомендацию" okText="Отправить ответ" cancelText="Отмена" onCancel={onClose}
      onOk={async () => { const v = await form.validateFields(); await run(() => answer({ id: row.id, text: v.text }), 'Ответ отправлен'); }}>
      <Typography.Paragraph><b>Рекомендация:</b> {row.text}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{row.basis.label}; срок — {formatDate(row.dueDate)}</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="text" label="Что сделано" rules={[{ required: true, whitespace: true, message: 'Опишите, что сделано' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CloseDialog({ row, onClose, onDone }: { row: Row; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [, close] = useMutation(CloseMutation);
  const run = useAction(onDone);
  return (
    <Modal open title="Проверка исполнения" okText="Закрыть рекомендацию" cancelText="Отмена" onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await run(() => close({ id: row.id, outcome: v.outcome, comment: v.comment || null }), 'Рекомендация закрыта');
      }}>
      <Typography.Paragraph><b>Рекомендация:</b> {row.text}</Typography.Paragraph>
      {row.response
        ? <Typography.Paragraph><b>Ответ адресата:</b> {row.response.text}</Typography.Paragraph>
        : <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="Адресат не ответил, срок исполнения прошёл" />}
      <Form form={form} layout="vertical">
        <Form.Item name="outcome" label="Итог проверки" rules={[{ required: true, message: 'Выберите итог проверки' }]}>
          <Radio.Group options={OUTCOMES} />
        </Form.Item>
        <Form.Item name="comment" label="Комментарий"><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function IssueDialog({ caller, onClose, onDone }: { caller: Caller; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const [, issue] = useMutation(IssueMutation);
  const run = useAction(onDone);
  const kind: string = Form.useWatch('addresseeKind', form) ?? 'SCHOOL';
  const schoolId: string | undefined = Form.useWatch('schoolId', form);
  const teacherId: string | undefined = Form.useWatch('teacherId', form);
  const basisKind: string = Form.useWatch('basisKind', form) ?? 'STATUS';
  const [search, setSearch] = useState('');
  const regionId = caller.regionId ?? undefined;
  const [schools] = useQuery({ query: SchoolOptionsQuery,
    variables: { regionId, municipalityId: caller.municipalityId ?? undefined, nameContains: search || undefined }, pause: kind === 'MUNICIPALITY' });
  const [basis] = useQuery({ query: SchoolBasisQuery, variables: { id: schoolId ?? '' }, pause: !schoolId || kind === 'MUNICIPALITY' });
  const [municipalities] = useQuery({ query: MunicipalitiesQuery, variables: { regionId: regionId ?? '' }, pause: kind !== 'MUNICIPALITY' || !regionId });
  const school = basis.data?.school;
  const teacher = school?.teachers.find((t) => t.id === teacherId);
  const factors = useMemo(() => {
    const profile = school?.assessment?.riskProfile ?? [];
    const risky = profile.filter((f) => f.level !== 'LOW');
    return (risky.length ? risky : profile).map((f) => ({ value: f.factor, label: `${f.label} (${f.level === 'HIGH' ? 'высокий' : f.level === 'MEDIUM' ? 'средний' : 'низкий'})` }));
  }, [school]);
  const statuses = kind === 'MUNICIPALITY'
    ? ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT', 'DECLINING', 'RISK_ZONE']
    : school?.currentStatuses ?? [];
  const basisKinds = [
    { value: 'STATUS', label: 'Статус' },
    { value: 'RISK_FACTOR', label: 'Фактор риска' },
    ...(kind === 'TEACHER' ? [{ value: 'DIAGNOSTIC', label: 'Диагностика педагога' }] : []),
  ];

  return (
    <Modal open width={720} title="Новая адресная рекомендация" okText="Выдать" cancelText="Отмена" onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        const input = {
          addresseeKind: v.addresseeKind, schoolId: v.addresseeKind === 'MUNICIPALITY' ? null : v.schoolId,
          teacherId: v.addresseeKind === 'TEACHER' ? v.teacherId : null, municipalityId: v.addresseeKind === 'MUNICIPALITY' ? v.municipalityId : null,
          basis: { kind: v.basisKind, status: v.basisKind === 'STATUS' ? v.status : null, riskFactor: v.basisKind === 'RISK_FACTOR' ? v.riskFactor : null,
            diagnosticId: v.basisKind === 'DIAGNOSTIC' ? v.diagnosticId : null },
          text: v.text, dueDate: v.dueDate.format('YYYY-MM-DD'),
        };
        await run(() => issue({ input }), 'Рекомендация выдана');
      }}>
      <Form form={form} layout="vertical" initialValues={{ addresseeKind: 'SCHOOL', basisKind: 'STATUS' }}>
        <Form.Item name="addresseeKind" label="Кому">
          <Select options={ADDRESSEE_KINDS} aria-label="Кому" onChange={() => form.setFieldsValue({ basisKind: 'STATUS', status: undefined, diagnosticId: undefined })} />
        </Form.Item>
        {kind === 'MUNICIPALITY' ? (
          <Form.Item name="municipalityId" label="Муниципалитет" rules={[{ required: true, message: 'Выберите муниципалитет' }]}>
            <Select showSearch optionFilterProp="label" aria-label="Муниципалитет" loading={municipalities.fetching}
              options={(municipalities.data?.region?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="schoolId" label="Школа" rules={[{ required: true, message: 'Выберите школу' }]}>
            <Select showSearch filterOption={false} onSearch={setSearch} aria-label="Школа" loading={schools.fetching} placeholder="Начните вводить название"
              onChange={() => form.setFieldsValue({ teacherId: undefined, status: undefined, riskFactor: undefined, diagnosticId: undefined })}
              options={(schools.data?.schools.edges ?? []).map(({ node: s }) => ({
                value: s.id, label: `${s.name} (${s.municipality.name})${s.currentStatuses.length ? ' — ' + s.currentStatuses.map(statusLabel).join(', ') : ''}`,
              }))} />
          </Form.Item>
        )}
        {kind === 'TEACHER' && (
          <Form.Item name="teacherId" label="Педагог" rules={[{ required: true, message: 'Выберите педагога' }]}>
            <Select showSearch optionFilterProp="label" aria-label="Педагог" disabled={!school}
              options={(school?.teachers ?? []).map((t) => ({ value: t.id, label: t.fullName }))} />
          </Form.Item>
        )}
        <Form.Item name="basisKind" label="Основание">
          <Radio.Group options={basisKinds} optionType="button" />
        </Form.Item>
        {basisKind === 'STATUS' && (
          <Form.Item name="status" label="Статус" rules={[{ required: true, message: 'Выберите статус' }]}
            extra={kind !== 'MUNICIPALITY' && school && statuses.length === 0 ? 'У школы нет статусов: выберите другое основание' : undefined}>
            <Select aria-label="Статус школы" options={statuses.map((s) => ({ value: s, label: statusLabel(s) }))} />
          </Form.Item>
        )}
        {basisKind === 'RISK_FACTOR' && (
          <Form.Item name="riskFactor" label="Фактор риска" rules={[{ required: true, message: 'Выберите фактор риска' }]}>
            <Select aria-label="Фактор риска" options={factors} />
          </Form.Item>
        )}
        {basisKind === 'DIAGNOSTIC' && (
          <Form.Item name="diagnosticId" label="Диагностика" rules={[{ required: true, message: 'Выберите диагностику' }]}>
            <Select aria-label="Диагностика" disabled={!teacher}
              options={(teacher?.diagnostics ?? []).map((d) => ({ value: d.id, label: `${formatDate(d.date)} — ${d.instrument}` }))} />
          </Form.Item>
        )}
        <Form.Item name="text" label="Текст рекомендации" rules={[{ required: true, whitespace: true, message: 'Введите текст рекомендации' }]}>
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item name="dueDate" label="Срок исполнения" rules={[{ required: true, message: 'Укажите срок исполнения' }]}>
          <DatePicker format="DD.MM.YYYY" aria-label="Срок исполнения" disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
