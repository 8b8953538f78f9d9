import { useState } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Modal, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { QueryState } from '../components/QueryState';
import { StatusTags } from '../components/StatusTags';
import { toUserError } from '../lib/errors';
import { formatDate } from '../lib/format';
import { PAIR_STATUS_COLORS, PAIR_STATUS_LABELS } from '../lib/status';

const MySchoolQuery = graphql(`
  query MySchool($id: ID!) {
    school(id: $id) {
      id name type locality regionId municipality { name }
      currentStatuses
      assessment { statuses { status label explanation evidence } }
      teachers {
        id fullName position subjects youngSpecialist
        diagnostics { id date }
        plans { id progress }
      }
    }
  }
`);
const MyPairsQuery = graphql(`
  query MySchoolPairs($regionId: ID!, $schoolId: ID!) {
    networkPairs(regionId: $regionId, filter: { schoolId: $schoolId }, first: 5) {
      edges { node { id status mentee { id name } leader { id name }
        plan { id title deadline responsible status overdue } } }
    }
  }
`);
const UpdateActivity = graphql(`
  mutation SchoolUpdateActivity($id: ID!, $input: PairActivityUpdateInput!) { updatePairActivity(id: $id, input: $input) { id status } }
`);
const CreateTeacher = graphql(`
  mutation CreateTeacher($input: TeacherInput!) { createTeacher(input: $input) { id } }
`);

const ACTIVITY_STATUS: Record<string, string> = { PLANNED: 'запланировано', IN_PROGRESS: 'выполняется', DONE: 'выполнено', CANCELLED: 'отменено' };

export default function MySchoolPage() {
  const caller = useCaller();
  const { message } = App.useApp();
  const schoolId = caller.schoolId ?? '';
  const [{ data, fetching, error }, reload] = useQuery({ query: MySchoolQuery, variables: { id: schoolId }, pause: !schoolId });
  const school = data?.school;
  const [pairs, reloadPairs] = useQuery({ query: MyPairsQuery, variables: { regionId: school?.regionId ?? '', schoolId }, pause: !school });
  const [, updateActivity] = useMutation(UpdateActivity);
  const [, createTeacher] = useMutation(CreateTeacher);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const teachers = school?.teachers ?? [];
  const diagnosed = teachers.filter((t) => t.diagnostics.length > 0).length;

  const act = async (action: () => Promise<{ error?: unknown }>, text: string, after: () => void) => {
    const r = await action();
    if (r.error) { const e = toUserError(r.error as never); message.error(e?.detail ?? e?.title); return; }
    message.success(text);
    after();
  };

  return (
    <QueryState fetching={fetching} error={error} empty={!school} emptyText="Школа не указана в вашей учётной записи">
      {school && (
        <>
          <Typography.Title level={2} className="page-title" data-testid="my-school-name">{school.name}</Typography.Title>
          <Typography.Paragraph type="secondary">{school.type}, {school.locality ?? ''} · {school.municipality.name}</Typography.Paragraph>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title="Статусы школы и их основания" data-testid="school-statuses">
                <StatusTags statuses={school.currentStatuses} />
                <ul style={{ marginTop: 12 }}>
                  {(school.assessment?.statuses ?? []).map((s) => (
                    <li key={s.status + s.explanation}><b>{s.label}:</b> {s.explanation}</li>
                  ))}
                </ul>
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title="Сетевая пара и совместный план" data-testid="school-pair">
                <QueryState fetching={pairs.fetching} error={pairs.error} empty={(pairs.data?.networkPairs.edges ?? []).length === 0} emptyText="Школа не состоит в сетевой паре">
                  {pairs.data?.networkPairs.edges.map(({ node: pair }) => (
                    <div key={pair.id}>
                      <Space wrap><Tag color={PAIR_STATUS_COLORS[pair.status]}>{PAIR_STATUS_LABELS[pair.status]}</Tag>
                        {pair.mentee.name} — {pair.leader.name}</Space>
                      <Table size="small" rowKey="id" pagination={false} dataSource={pair.plan} style={{ marginTop: 8 }}
                        rowClassName={(a) => (a.overdue ? 'row-overdue' : '')}
                        columns={[
                          { title: 'Мероприятие', dataIndex: 'title' },
                          { title: 'Срок', render: (_, a) => formatDate(a.deadline) },
                          { title: 'Статус', render: (_, a) => (
                            <Select size="small" value={a.status} style={{ width: 150 }} aria-label={`Статус: ${a.title}`}
                              options={Object.entries(ACTIVITY_STATUS).map(([value, label]) => ({ value, label }))}
                              onChange={(status) => act(() => updateActivity({ id: a.id, input: { status } }), 'Мероприятие обновлено',
                                () => reloadPairs({ requestPolicy: 'network-only' }))} />) },
                        ]} />
                    </div>
                  ))}
                </QueryState>
              </Card>
            </Col>
            <Col span={24}>
              <Card data-testid="school-teachers"
                title={`Педагоги (${teachers.length}); прошли диагностику: ${diagnosed} из ${teachers.length}`}
                extra={<Button type="primary" onClick={() => setAdding(true)}>Добавить педагога</Button>}>
                <Table size="small" rowKey="id" dataSource={teachers} pagination={{ pageSize: 15, hideOnSinglePage: true }}
                  columns={[
                    { title: 'ФИО', render: (_, t) => <Link to={`/teachers/${t.id}`}>{t.fullName}</Link>, sorter: (a, b) => a.fullName.localeCompare(b.fullName) },
                    { title: 'Должность', render: (_, t) => <>{t.position}{t.youngSpecialist && <Tag style={{ marginLeft: 6 }}>молодой специалист</Tag>}</> },
                    { title: 'Предметы', render: (_, t) => t.subjects.join(', ') },
                    { title: 'Диагностика', render: (_, t) => (t.diagnostics.length ? `${formatDate(t.diagnostics[0].date)} (всего ${t.diagnostics.length})` : <Tag color="orange">не проводилась</Tag>) },
                    { title: 'ИОМ педагога', render: (_, t) => (t.plans.length ? <Progress percent={Math.round((t.plans[0].progress ?? 0) * 100)} size="small" style={{ width: 140 }} /> : <span className="muted">нет</span>) },
                  ]} />
              </Card>
            </Col>
          </Row>
          <Modal open={adding} title="Новый педагог" okText="Добавить" cancelText="Отмена" destroyOnHidden onCancel={() => setAdding(false)}
            onOk={async () => {
              const v = await form.validateFields();
              await act(() => createTeacher({ input: { fullName: v.fullName, position: v.position, schoolId, subjects: v.subjects.split(',').map((s: string) => s.trim()).filter(Boolean),
                experienceYears: v.experienceYears } }), 'Педагог добавлен', () => { setAdding(false); form.resetFields(); reload({ requestPolicy: 'network-only' }); });
            }}>
            <Form form={form} layout="vertical" initialValues={{ position: 'учитель', experienceYears: 0 }}>
              <Form.Item name="fullName" label="ФИО" rules={[{ required: true, whitespace: true, message: 'Укажите ФИО' }]}><Input /></Form.Item>
              <Form.Item name="position" label="Должность"><Input /></Form.Item>
              <Form.Item name="subjects" label="Предметы (через запятую)" rules={[{ required: true, whitespace: true, message: 'Укажите хотя бы один предмет' }]}><Input /></Form.Item>
              <Form.Item name="experienceYears" label="Стаж, лет"><InputNumber min={0} max={60} /></Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </QueryState>
  );
}
