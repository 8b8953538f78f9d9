import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { hasAnyRole, PARTNER_EDITOR_ROLES, PROGRAMME_AGREEMENT_ROLES } from '../lib/access';
import { useTerritory } from '../lib/useTerritory';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../lib/format';
import { useAction } from '../lib/useAction';
import type { GoalBasisKind, PartnerKind, ProgrammeKind } from '../gql/graphql';
import { GAP_COLORS, PROGRAMME_KIND_LABELS, PROGRAMME_STATUS_COLORS, TARGET_INDICATORS } from '../lib/programmes';

const SchoolProgrammesQuery = graphql(`
  query SchoolProgrammes($schoolId: ID!) {
    schoolProgrammes(schoolId: $schoolId) { id title kind kindLabel periodStart periodEnd status statusLabel overdue overdueMeasures measuresDone }
    programmeBasis(schoolId: $schoolId) {
      school { id name }
      statuses { basisKind code label }
      riskFactors { basisKind code label level }
    }
  }
`);

const GapsQuery = graphql(`
  query ProgrammeGaps($regionId: ID!, $municipalityId: ID) {
    programmeGaps(regionId: $regionId, municipalityId: $municipalityId, first: 200) {
      totalCount schoolsWithStatus
      edges { node {
        kind kindLabel statuses overdueMeasures
        school { id name municipality { name } }
        programme { id title status statusLabel periodEnd }
      } }
    }
  }
`);

const PartnersQuery = graphql(`
  query Partners($regionId: ID!, $municipalityId: ID) {
    partners(regionId: $regionId, municipalityId: $municipalityId, first: 100) {
      totalCount edges { node { id name kind kindLabel municipalityId offer contact } }
    }
  }
`);

const CreateProgrammeMutation = graphql(`
  mutation CreateProgramme($input: SchoolProgrammeInput!) { createSchoolProgramme(input: $input) { id } }
`);
const AgreeFromListMutation = graphql(`
  mutation AgreeProgrammeFromList($id: ID!) { changeSchoolProgrammeStatus(id: $id, status: AGREED) { id status } }
`);
const CreatePartnerMutation = graphql(`
  mutation CreatePartner($input: PartnerInput!) { createPartner(input: $input) { id } }
`);

const STATUS_SHORT: Record<string, string> = { LOW_RESULTS: 'ШНОР', UNFAVOURABLE_CONTEXT: 'ШНСУ' };
const PARTNER_KINDS: Record<PartnerKind, string> = {
  ADDITIONAL_EDUCATION: 'Дополнительное образование', COLLEGE: 'Колледж', UNIVERSITY: 'Вуз', EMPLOYER: 'Работодатель',
  CULTURE: 'Учреждение культуры', OTHER: 'Другая организация',
};

/** The school's programmes (school admin) or, for coordinators, the territory's ШНОР/ШНСУ schools needing attention. */
export default function ProgrammesPage() {
  const caller = useCaller();
  return caller.schoolId && hasAnyRole(caller, ['SCHOOL_ADMIN']) ? <SchoolProgrammes schoolId={caller.schoolId} /> : <TerritoryProgrammes />;
}

function SchoolProgrammes({ schoolId }: { schoolId: string }) {
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: SchoolProgrammesQuery, variables: { schoolId } });
  const [, createProgramme] = useMutation(CreateProgrammeMutation);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const kind = Form.useWatch('kind', form) as ProgrammeKind | undefined;
  const run = useAction(() => setOpen(false));
  const basis = data?.programmeBasis;
  const basisOptions = [...(basis?.statuses ?? []), ...(basis?.riskFactors ?? [])]
    .map((b) => ({ value: `${b.basisKind}:${b.code}`, label: b.label }));

  const submit = async () => {
    const v = await form.validateFields();
    const period = v.period as [Dayjs, Dayjs];
    let createdId: string | undefined;
    const ok = await run(async () => {
      const result = await createProgramme({ input: {
        schoolId, kind: v.kind, riskFactor: v.kind === 'ANTIRISK' ? v.riskFactor : undefined, title: v.title,
        periodStart: period[0].format('YYYY-MM-DD'), periodEnd: period[1].format('YYYY-MM-DD'),
        goals: (v.goals ?? []).map((g: { basis: string; text: string }) => {
          const [basisKind, code] = g.basis.split(':');
          return { basisKind: basisKind as GoalBasisKind, basis: code, text: g.text };
        }),
        targets: (v.targets ?? []).map((t: { indicator: string; target: number; baseline?: number }) => ({
          indicator: t.indicator, target: t.target, baseline: t.baseline ?? undefined })),
      } });
      createdId = result.data?.createSchoolProgramme.id;
      return result;
    }, 'Черновик программы создан');
    if (ok && createdId) navigate(`/programmes/${createdId}`);
  };

  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="programmes-title">Программы школы</Typography.Title>
      <QueryState fetching={fetching} error={error} empty={!data} emptyText="Нет данных">
        <Card title={basis?.school.name} extra={<Button type="primary" icon={<PlusOutlined />} data-testid="new-programme"
          onClick={() => { form.resetFields(); setOpen(true); }}>Новая программа</Button>}>
          <Typography.Paragraph type="secondary">
            Статусы по последней идентификации: {(basis?.statuses ?? []).map((s) => s.label).join('; ') || 'нет'}.
            {' '}Факторы риска: {(basis?.riskFactors ?? []).map((r) => `${r.label} (${r.level === 'HIGH' ? 'высокий' : 'средний'})`).join('; ') || 'не выявлены'}.
          </Typography.Paragraph>
          <Table size="small" rowKey="id" dataSource={data?.schoolProgrammes ?? []} pagination={false}
            locale={{ emptyText: 'Программ пока нет' }} rowClassName={(p) => (p.overdue ? 'row-overdue' : '')}
            columns={[
              { title: 'Программа', dataIndex: 'title', render: (t: string, p) => <Link to={`/programmes/${p.id}`}>{t}</Link> },
              { title: 'Вид', dataIndex: 'kindLabel' },
              { title: 'Период', key: 'period', render: (_: unknown, p) => `${formatDate(p.periodStart)} — ${formatDate(p.periodEnd)}` },
              { title: 'Статус', dataIndex: 'status', render: (s: string, p) => <Tag color={PROGRAMME_STATUS_COLORS[s]}>{p.statusLabel}</Tag> },
              { title: 'Просрочено мероприятий', dataIndex: 'overdueMeasures',
                render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : '—') },
            ]} />
        </Card>
      </QueryState>
      <Modal open={open} title="Новая программа" okText="Создать черновик" cancelText="Отмена" width={760}
        onCancel={() => setOpen(false)} onOk={submit} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'SCHOOL_QUALITY', goals: [{}] }}>
          <Form.Item label="Вид программы" name="kind" rules={[{ required: true }]}>
            <Select data-testid="programme-kind" options={Object.entries(PROGRAMME_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {kind === 'ANTIRISK' && (
            <Form.Item label="Фактор риска" name="riskFactor" rules={[{ required: true, message: 'Выберите фактор риска' }]}>
              <Select options={(basis?.riskFactors ?? []).map((r) => ({ value: r.code, label: r.label }))} />
            </Form.Item>)}
          <Form.Item label="Название" name="title" rules={[{ required: true, message: 'Введите название' }]}>
            <Input data-testid="programme-title" />
          </Form.Item>
          <Form.Item label="Период" name="period" rules={[{ required: true, message: 'Укажите период' }]}>
            <DatePicker.RangePicker format="DD.MM.YYYY" style={{ width: '100%' }} data-testid="programme-period" />
          </Form.Item>
          <Typography.Text strong>Цели</Typography.Text>
          <Form.List name="goals">
            {(fields, { add, remove }) => (<>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'basis']} rules={[{ required: true, message: 'Основание' }]} style={{ width: 260 }}>
                    <Select placeholder="Статус или фактор риска" options={basisOptions} data-testid="goal-basis" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'text']} rules={[{ required: true, message: 'Формулировка цели' }]} style={{ width: 380 }}>
                    <Input placeholder="Формулировка цели" data-testid="goal-text" />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Удалить цель" />
                </Space>))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />} style={{ marginBottom: 16 }}>Цель</Button>
            </>)}
          </Form.List>
          <br />
          <Typography.Text strong>Целевые значения показателей</Typography.Text>
          <Form.List name="targets">
            {(fields, { add, remove }) => (<>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item name={[f.name, 'indicator']} rules={[{ required: true, message: 'Показатель' }]} style={{ width: 340 }}>
                    <Select placeholder="Показатель" options={TARGET_INDICATORS} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'baseline']}><InputNumber placeholder="Исходное" step={0.01} /></Form.Item>
                  <Form.Item name={[f.name, 'target']} rules={[{ required: true, message: 'Цель' }]}><InputNumber placeholder="Целевое" step={0.01} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} aria-label="Удалить показатель" />
                </Space>))}
              <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>Показатель</Button>
            </>)}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

function TerritoryProgrammes() {
  const caller = useCaller();
  const territory = useTerritory();
  const regionId = territory.regionId ?? '';
  const variables = { regionId, municipalityId: territory.municipalityId };
  const [{ data, fetching, error }, reload] = useQuery({ query: GapsQuery, variables, pause: !regionId });
  const [partners, reloadPartners] = useQuery({ query: PartnersQuery, variables, pause: !regionId });
  const [, agree] = useMutation(AgreeFromListMutation);
  const [, createPartner] = useMutation(CreatePartnerMutation);
  const [partnerOpen, setPartnerOpen] = useState(false);
  const [form] = Form.useForm();
  const canAgree = hasAnyRole(caller, PROGRAMME_AGREEMENT_ROLES);
  const canAddPartner = hasAnyRole(caller, PARTNER_EDITOR_ROLES);
  const run = useAction(() => reload({ requestPolicy: 'network-only' }));
  const runPartner = useAction(() => { setPartnerOpen(false); reloadPartners({ requestPolicy: 'network-only' }); });
  const gaps = data?.programmeGaps;
  const rows = (gaps?.edges ?? []).map((e) => e.node);

  const submitPartner = async () => {
    const v = await form.validateFields();
    await runPartner(() => createPartner({ input: { regionId, municipalityId: territory.municipalityId ?? v.municipalityId,
      kind: v.kind, name: v.name, offer: v.offer, contact: v.contact } }), 'Партнёр добавлен');
  };

  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="programmes-title">Программы школ</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card title="ШНОР и ШНСУ без действующей программы, с просроченной или ожидающей согласования"
            extra={gaps && <Typography.Text type="secondary">
              Требуют внимания {gaps.totalCount} из {gaps.schoolsWithStatus} школ</Typography.Text>}>
            <QueryState fetching={fetching} error={error} empty={!gaps} emptyText="Нет данных">
              <Table size="small" rowKey={(g) => g.school.id} dataSource={rows} pagination={{ pageSize: 100, hideOnSinglePage: true }}
                data-testid="programme-gaps" locale={{ emptyText: 'У всех ШНОР и ШНСУ есть действующие программы' }}
                rowClassName={(g) => (g.kind === 'OVERDUE' ? 'row-overdue' : '')}
                columns={[
                  { title: 'Школа', key: 'school', render: (_: unknown, g) => <Link to={`/schools/${g.school.id}`}>{g.school.name}</Link> },
                  { title: 'Муниципалитет', key: 'm', render: (_: unknown, g) => g.school.municipality.name },
                  { title: 'Статус', dataIndex: 'statuses', render: (s: string[]) => s.map((x) => <Tag key={x}>{STATUS_SHORT[x] ?? x}</Tag>) },
                  { title: 'Что не так', dataIndex: 'kind', render: (k: string, g) => <Tag color={GAP_COLORS[k]}>{g.kindLabel}</Tag> },
                  { title: 'Программа', key: 'p', render: (_: unknown, g) => (g.programme
                    ? <Link to={`/programmes/${g.programme.id}`}>{g.programme.title}</Link> : '—') },
                  { title: 'Просрочено', dataIndex: 'overdueMeasures', render: (n: number) => (n > 0 ? n : '—') },
                  ...(canAgree ? [{ title: '', key: 'a', render: (_: unknown, g: (typeof rows)[number]) => (g.kind === 'AWAITING_AGREEMENT' && g.programme
                    ? <Button size="small" type="primary" data-testid={`agree-${g.school.id}`}
                        onClick={() => run(() => agree({ id: g.programme!.id }), 'Программа согласована')}>Согласовать</Button>
                    : null) }] : []),
                ]} />
            </QueryState>
          </Card>
        </Col>
        <Col span={24}>
          <Card title="Партнёры (организации, не являющиеся школами)"
            extra={canAddPartner && <Button onClick={() => { form.resetFields(); setPartnerOpen(true); }}>Добавить партнёра</Button>}>
            <QueryState fetching={partners.fetching} error={partners.error} empty={!partners.data} emptyText="Нет данных">
              <Table size="small" rowKey={(e) => e.node.id} dataSource={partners.data?.partners.edges ?? []} pagination={false}
                locale={{ emptyText: 'Каталог партнёров пуст' }}
                columns={[
                  { title: 'Организация', key: 'n', render: (_: unknown, e) => e.node.name },
                  { title: 'Тип', key: 'k', render: (_: unknown, e) => e.node.kindLabel },
                  { title: 'Уровень', key: 'l', render: (_: unknown, e) => (e.node.municipalityId
                    ? territory.municipalities.find((m) => m.id === e.node.municipalityId)?.name ?? 'муниципалитет' : 'регион') },
                  { title: 'Что предлагает', key: 'o', render: (_: unknown, e) => e.node.offer ?? '—' },
                  { title: 'Контакты', key: 'c', render: (_: unknown, e) => e.node.contact ?? '—' },
                ]} />
            </QueryState>
          </Card>
        </Col>
      </Row>
      <Modal open={partnerOpen} title="Новый партнёр" okText="Добавить" cancelText="Отмена" onCancel={() => setPartnerOpen(false)}
        onOk={submitPartner} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false} initialValues={{ kind: 'ADDITIONAL_EDUCATION' }}>
          <Form.Item label="Название" name="name" rules={[{ required: true, message: 'Введите название' }]}><Input /></Form.Item>
          <Form.Item label="Тип" name="kind"><Select options={Object.entries(PARTNER_KINDS).map(([value, label]) => ({ value, label }))} /></Form.Item>
          {!territory.municipalityId && (
            <Form.Item label="Муниципалитет (пусто — весь регион)" name="municipalityId">
              <Select allowClear options={territory.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>)}
          <Form.Item label="Что предлагает школам" name="offer"><Input.TextArea rows={2} /></Form.Item>
          <Form.Item label="Контакты" name="contact"><Input /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
