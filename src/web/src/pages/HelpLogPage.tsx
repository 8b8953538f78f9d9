import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { QueryState } from '../components/QueryState';
import { fixedMunicipality, hasAnyRole, SUPPORT_ROLES } from '../lib/access';
import { formatDate, formatPercent } from '../lib/format';
import { useAction } from '../lib/useAction';

const HelpRecordsQuery = graphql(`
  query HelpRecords($filter: HelpRecordFilter!, $first: Int, $after: String) {
    helpRecords(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind kindLabel date topic result giverName school { id name } teacher { id fullName } } }
    }
  }
`);
const CoverageQuery = graphql(`
  query HelpCoverage($regionId: ID!, $municipalityId: ID, $year: Int!) {
    methodicalSupportCoverage(regionId: $regionId, municipalityId: $municipalityId, year: $year) {
      schools covered share uncoveredSchools { id name }
    }
  }
`);
const HelpMunicipalitiesQuery = graphql(`
  query HelpMunicipalities($regionId: ID!) { region(id: $regionId) { id municipalities { id name } } }
`);
const HelpSchoolsQuery = graphql(`
  query HelpSchoolOptions($regionId: ID, $municipalityId: ID, $nameContains: String) {
    schools(filter: { regionId: $regionId, municipalityId: $municipalityId, nameContains: $nameContains }, first: 30) {
      edges { node { id name municipality { name } } }
    }
  }
`);
const HelpSchoolTeachersQuery = graphql(`
  query HelpSchoolTeachers($id: ID!) { school(id: $id) { id teachers { id fullName } } }
`);
const LogHelpMutation = graphql(`
  mutation LogHelp($input: HelpRecordInput!) { logHelp(input: $input) { id } }
`);

const KINDS = [
  { value: 'CONSULTATION', label: 'Консультация' },
  { value: 'VISIT', label: 'Выезд в школу' },
  { value: 'EXPERT_REVIEW', label: 'Экспертиза' },
];
const KIND_COLORS: Record<string, string> = { CONSULTATION: 'blue', VISIT: 'purple', EXPERT_REVIEW: 'cyan' };
const PAGE = 20;

/** The methodological help log of the caller's territory (or school), its filters, coverage and the form to log help. */
export default function HelpLogPage() {
  const caller = useCaller();
  const supports = hasAnyRole(caller, SUPPORT_ROLES);
  const regionId = caller.regionId ?? '';
  const fixed = fixedMunicipality(caller);
  const ownSchool = !supports && caller.roles.includes('SCHOOL_ADMIN') ? caller.schoolId ?? undefined : undefined;
  const [municipalityId, setMunicipalityId] = useState<string | undefined>(fixed ?? undefined);
  const [kind, setKind] = useState<string | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [year, setYear] = useState<number>(dayjs().year());
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [logging, setLogging] = useState(false);
  const filter = {
    regionId, municipalityId: ownSchool ? undefined : municipalityId, schoolId: ownSchool, kind: kind as never,
    from: period?.[0]?.format('YYYY-MM-DD'), to: period?.[1]?.format('YYYY-MM-DD'),
  };
  const [records, reload] = useQuery({ query: HelpRecordsQuery, variables: { filter, first: PAGE, after: cursors[cursors.length - 1] }, pause: !regionId });
  const [coverage, reloadCoverage] = useQuery({ query: CoverageQuery, variables: { regionId, municipalityId, year }, pause: !supports || !regionId });
  const [municipalities] = useQuery({ query: HelpMunicipalitiesQuery, variables: { regionId }, pause: !supports || !regionId || !!fixed });
  const connection = records.data?.helpRecords;
  const reset = () => setCursors([null]);
  const cov = coverage.data?.methodicalSupportCoverage;

  return (
    <>
      <Typography.Title level={2} className="page-title">Журнал методической помощи</Typography.Title>
      <Typography.Paragraph type="secondary">
        Консультации, выезды и экспертизы, оказанные школам и педагогам. По журналу считается охват школ ШНОР и ШНСУ
        методическим сопровождением.
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {supports && (
          <Col span={24}>
            <Card title="Охват методическим сопровождением" data-testid="help-coverage"
              extra={<Space>Год <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label="Год" /></Space>}>
              <QueryState fetching={coverage.fetching} error={coverage.error} empty={!cov}>
                {cov && (
                  <Row gutter={16} align="middle">
                    <Col xs={24} md={6}><Statistic title="Школ ШНОР и ШНСУ" value={cov.schools} /></Col>
                    <Col xs={24} md={6}><Statistic title="Получили помощь" value={cov.covered} /></Col>
                    <Col xs={24} md={6}>
                      <Typography.Text type="secondary">Доля охвата: {formatPercent(cov.share)}</Typography.Text>
                      <Progress percent={Math.round((cov.share ?? 0) * 100)} />
                    </Col>
                    <Col xs={24} md={6}>
                      <Typography.Text type="secondary">Без помощи в {year} году: </Typography.Text>
                      {cov.uncoveredSchools.slice(0, 5).map((s) => <Tag key={s.id}>{s.name}</Tag>)}
                      {cov.uncoveredSchools.length > 5 && <span className="muted">и ещё {cov.uncoveredSchools.length - 5}</span>}
                    </Col>
                  </Row>
                )}
              </QueryState>
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card title={`Записи журнала (${connection?.totalCount ?? 0})`}
            extra={supports && <Button type="primary" onClick={() => setLogging(true)}>Отметить помощь</Button>}>
            <Space wrap style={{ marginBottom: 12 }}>
              {supports && !fixed && (
                <Select allowClear placeholder="Все муниципалитеты" style={{ width: 240 }} value={municipalityId} aria-label="Муниципалитет"
                  onChange={(v) => { setMunicipalityId(v); reset(); }}
                  options={(municipalities.data?.region?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }))} />
              )}
              <Select allowClear placeholder="Любой вид" style={{ width: 180 }} value={kind} options={KINDS} aria-label="Вид помощи"
                onChange={(v) => { setKind(v); reset(); }} />
              <DatePicker.RangePicker format="DD.MM.YYYY" value={period} onChange={(v) => { setPeriod(v); reset(); }} aria-label="Период" />
            </Space>
            <QueryState fetching={records.fetching} error={records.error} empty={false}>
              <Table size="small" rowKey="id" pagination={false} dataSource={(connection?.edges ?? []).map((e) => e.node)} data-testid="help-table"
                locale={{ emptyText: 'Записей нет' }}
                columns={[
                  { title: 'Дата', render: (_, h) => formatDate(h.date), width: 110 },
                  { title: 'Вид', render: (_, h) => <Tag color={KIND_COLORS[h.kind]}>{h.kindLabel}</Tag> },
                  { title: 'Кому', render: (_, h) => <>{h.school.name}{h.teacher && <div className="muted">{h.teacher.fullName}</div>}</> },
                  { title: 'Тема', dataIndex: 'topic' },
                  { title: 'Результат', dataIndex: 'result', width: '30%' },
                  { title: 'Кто оказал', dataIndex: 'giverName' },
                ]} />
              <Space style={{ marginTop: 12 }}>
                <Button disabled={cursors.length < 2} onClick={() => setCursors(cursors.slice(0, -1))}>Назад</Button>
                <Button disabled={!connection?.pageInfo.hasNextPage}
                  onClick={() => setCursors([...cursors, connection?.pageInfo.endCursor ?? null])}>Дальше</Button>
              </Space>
            </QueryState>
          </Card>
        </Col>
      </Row>
      {logging && (
        <LogHelpDialog regionId={regionId} municipalityId={fixed ?? undefined} onClose={() => setLogging(false)}
          onDone={() => { setLogging(false); reset(); reload({ requestPolicy: 'network-only' }); reloadCoverage({ requestPolicy: 'network-only' }); }} />
      )}
    </>
  );
}

function LogHelpDialog({ regionId, municipalityId, onClose, onDone }: {
  regionId: string; municipalityId?: string; onClose: () => void; onDone: () => void;
}) {
  const [form] = Form.useForm();
  const [, logHelp] = useMutation(LogHelpMutation);
  const run = useAction(onDone);
  const [search, setSearch] = useState('');
  const schoolId: string | undefined = Form.useWatch('schoolId', form);
  const [schools] = useQuery({ query: HelpSchoolsQuery, variables: { regionId, municipalityId, nameContains: search || undefined } });
  const [teachers] = useQuery({ query: HelpSchoolTeachersQuery, variables: { id: schoolId ?? '' }, pause: !schoolId });
  return (
    <Modal open width={640} title="Методическая помощь" okText="Сохранить" cancelText="Отмена" onCancel={onClose}
      onOk={async () => {
        const v = await form.validateFields();
        await run(() => logHelp({ input: { kind: v.kind, date: v.date.format('YYYY-MM-DD'), schoolId: v.schoolId, teacherId: v.teacherId ?? null,
          topic: v.topic, result: v.result } }), 'Помощь отмечена в журнале');
      }}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'CONSULTATION', date: dayjs() }}>
        <Form.Item name="kind" label="Вид помощи"><Select options={KINDS} aria-label="Вид помощи" /></Form.Item>
        <Form.Item name="date" label="Дата" rules={[{ required: true, message: 'Укажите дату' }]}>
          <DatePicker format="DD.MM.YYYY" disabledDate={(d) => d.isAfter(dayjs().endOf('day'))} />
        </Form.Item>
        <Form.Item name="schoolId" label="Школа" rules={[{ required: true, message: 'Выберите школу' }]}>
          <Select showSearch filterOption={false} onSearch={setSearch} aria-label="Школа" placeholder="Начните вводить название" loading={schools.fetching}
            onChange={() => form.setFieldsValue({ teacherId: undefined })}
            options={(schools.data?.schools.edges ?? []).map(({ node: s }) => ({ value: s.id, label: `${s.name} (${s.municipality.name})` }))} />
        </Form.Item>
        <Form.Item name="teacherId" label="Педагог (если помощь оказана одному педагогу)">
          <Select allowClear showSearch optionFilterProp="label" disabled={!schoolId} aria-label="Педагог"
            options={(teachers.data?.school?.teachers ?? []).map((t) => ({ value: t.id, label: t.fullName }))} />
        </Form.Item>
        <Form.Item name="topic" label="Тема" rules={[{ required: true, whitespace: true, message: 'Укажите тему' }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="result" label="Результат" rules={[{ required: true, whitespace: true, message: 'Опишите результат' }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
