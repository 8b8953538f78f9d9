import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, Form, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useClient, useMutation, useQuery, type Client } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { canRunIdentification } from '../lib/access';
import { useTerritory } from '../lib/useTerritory';
import { QueryState } from '../components/QueryState';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime, formatInt } from '../lib/format';
import { METHOD_LABELS, methodLabel } from '../lib/identification';
import { STATUS_COLORS, STATUS_LABELS } from '../lib/status';
import { compareRuns, type RunStatuses, type StatusChange } from '../lib/compare';
import { toUserError } from '../lib/errors';
import type { IdentificationMethod } from '../gql/graphql';

const RunsQuery = graphql(`
  query IdentificationRuns($regionId: ID!) {
    identificationRuns(regionId: $regionId, first: 50) {
      totalCount
      edges { node { id year years methods createdAt createdBy schoolsAssessed counts { status count } } }
    }
  }
`);

const RunMutation = graphql(`
  mutation RunIdentification($input: IdentificationInput!) {
    runIdentification(input: $input) { id }
  }
`);

const RunAssessmentsQuery = graphql(`
  query RunAssessments($id: ID!, $after: String) {
    identificationRun(id: $id) {
      assessments(first: 200, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { school { id name municipality { id } } statuses { status } } }
      }
    }
  }
`);

async function loadRun(client: Client, id: string, municipalityId: string | null): Promise<RunStatuses[]> {
  const rows: RunStatuses[] = [];
  let after: string | null | undefined = null;
  for (;;) {
    const r: { data?: import('../gql/graphql').RunAssessmentsQuery; error?: unknown } =
      await client.query(RunAssessmentsQuery, { id, after }).toPromise();
    if (r.error) throw r.error;
    const page = r.data?.identificationRun?.assessments;
    if (!page) return rows;
    for (const e of page.edges) {
      if (municipalityId && e.node.school.municipality.id !== municipalityId) continue;
      rows.push({ schoolId: e.node.school.id, name: e.node.school.name, statuses: e.node.statuses.map((s) => s.status) });
    }
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

const STATUSES_SHOWN = ['LOW_RESULTS', 'UNFAVOURABLE_CONTEXT', 'RISK_ZONE', 'RESILIENT', 'LEADER'] as const;

export default function IdentificationPage() {
  const territory = useTerritory();
  const caller = useCaller();
  const client = useClient();
  const { message } = App.useApp();
  const regionId = territory.regionId ?? '';
  const [{ data, fetching, error }, reload] = useQuery({ query: RunsQuery, variables: { regionId }, pause: !regionId });
  const [runState, run] = useMutation(RunMutation);
  const [compare, setCompare] = useState<string[]>([]);
  const [changes, setChanges] = useState<StatusChange[] | null>(null);
  const [comparing, setComparing] = useState(false);
  const runs = data?.identificationRuns.edges.map((e) => e.node) ?? [];

  const submit = async (v: { year: number; years: number; methods: IdentificationMethod[]; lowResidualSd: number; adverseContextSd: number }) => {
    const result = await run({ input: { regionId, ...v } });
    if (result.error) message.error(toUserError(result.error)?.detail ?? toUserError(result.error)?.title);
    else { message.success('Расчёт выполнен'); reload({ requestPolicy: 'network-only' }); }
  };

  const doCompare = async () => {
    const [a, b] = [...compare].sort((x, y) => runs.findIndex((r) => r.id === y) - runs.findIndex((r) => r.id === x));
    setComparing(true);
    try {
      const [older, newer] = await Promise.all([loadRun(client, a, territory.municipalityId), loadRun(client, b, territory.municipalityId)]);
      setChanges(compareRuns(older, newer));
    } catch (e) {
      message.error(toUserError(e as never)?.title ?? 'Не удалось сравнить расчёты');
    } finally {
      setComparing(false);
    }
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">Идентификация ШНОР и ШНСУ</Typography.Title>
      {canRunIdentification(caller) && (
        <Card title="Новый расчёт" style={{ marginBottom: 16 }}>
          <Form layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear() - 1, years: 3,
            methods: ['BELOW_REGIONAL_MEAN', 'REGRESSION', 'RISK_PROFILE', 'THREE_CONDITIONS', 'RISK_MONITORING'], lowResidualSd: 1, adverseContextSd: 1 }}>
            <Row gutter={16}>
              <Col span={4}><Form.Item label="Последний год" name="year" rules={[{ required: true, message: 'Укажите год' }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={4}><Form.Item label="Окно, лет" name="years"><InputNumber min={1} max={10} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={4}><Form.Item label="Порог ШНОР, СО" name="lowResidualSd"><InputNumber min={0} step={0.1} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={4}><Form.Item label="Порог ШНСУ, СО" name="adverseContextSd"><InputNumber min={0} step={0.1} style={{ width: '100%' }} /></Form.Item></Col>
              <Col span={8}><Form.Item label="Методы" name="methods" rules={[{ required: true, message: 'Выберите хотя бы один метод' }]}>
                <Checkbox.Group options={Object.entries(METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
              </Form.Item></Col>
            </Row>
            <Button type="primary" htmlType="submit" loading={runState.fetching}>Запустить расчёт</Button>
          </Form>
        </Card>
      )}
      <Card title="Расчёты" extra={<Button disabled={compare.length !== 2} loading={comparing} onClick={doCompare}>Сравнить выбранные</Button>}>
        <QueryState fetching={fetching} error={error} empty={runs.length === 0} emptyText="Расчётов ещё не было">
          <Table size="small" rowKey="id" dataSource={runs} pagination={false}
            rowSelection={{ selectedRowKeys: compare, onChange: (k) => setCompare((k as string[]).slice(-2)), hideSelectAll: true }}
            columns={[
              { title: 'Дата', dataIndex: 'createdAt', render: formatDateTime },
              { title: 'Запустил', dataIndex: 'createdBy' },
              { title: 'Год / окно', key: 'y', render: (_, r) => `${r.year} / ${r.years}` },
              { title: 'Методы', dataIndex: 'methods', render: (m: string[]) => m.map(methodLabel).join('; ') },
              { title: 'Школ', dataIndex: 'schoolsAssessed', align: 'right', render: formatInt },
              ...STATUSES_SHOWN.map((s) => ({ title: STATUS_LABELS[s], key: s, align: 'right' as const,
                render: (_: unknown, r: typeof runs[number]) => formatInt(r.counts.find((c) => c.status === s)?.count ?? 0) })),
            ]} />
        </QueryState>
      </Card>
      {changes && (
        <Card title="Изменения между расчётами" style={{ marginTop: 16 }} data-testid="run-comparison">
          <ErrorAlert error={undefined} />
          <Table size="small" rowKey="status" pagination={false} dataSource={changes}
            columns={[
              { title: 'Статус', dataIndex: 'status', render: (s: keyof typeof STATUS_LABELS) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
              { title: 'Вошли', key: 'e', render: (_, c) => <SchoolList schools={c.entered} /> },
              { title: 'Вышли', key: 'l', render: (_, c) => <SchoolList schools={c.left} /> },
            ]} />
        </Card>
      )}
    </>
  );
}

function SchoolList({ schools }: { schools: { schoolId: string; name: string }[] }) {
  if (!schools.length) return <span className="muted">нет</span>;
  return (
    <Space direction="vertical" size={0}>
      <b>{formatInt(schools.length)}</b>
      {schools.slice(0, 10).map((s) => <Link key={s.schoolId} to={`/schools/${s.schoolId}`}>{s.name}</Link>)}
      {schools.length > 10 && <span className="muted">и ещё {formatInt(schools.length - 10)}</span>}
    </Space>
  );
}
