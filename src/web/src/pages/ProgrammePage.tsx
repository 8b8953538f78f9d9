import { useState } from 'react';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, List, Modal, Progress, Row, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { hasAnyRole, PROGRAMME_AGREEMENT_ROLES } from '../lib/access';
import { QueryState } from '../components/QueryState';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { useAction } from '../lib/useAction';
import type { MeasureStatus, ProgrammeStatus } from '../gql/graphql';
import { MEASURE_STATUS_LABELS, PROGRAMME_STATUS_COLORS } from '../lib/programmes';

const ProgrammeQuery = graphql(`
  query Programme($id: ID!) {
    schoolProgramme(id: $id) {
      id title kind kindLabel riskFactorLabel periodStart periodEnd status statusLabel allowedTransitions
      overdue overdueMeasures measuresDone createdAt createdBy agreedAt agreedBy returnComment summary
      school { id name municipality { id name } }
      goals { id basisKind basisLabel text }
      measures { id goalId title responsible deadline plannedResult status evidence doneOn overdue partners { id name } }
      targets { id indicator label unit baseline baselineYear target targetYear actual actualYear progress achieved }
    }
  }
`);

const MoveMutation = graphql(`
  mutation MoveProgramme($id: ID!, $status: ProgrammeStatus!, $comment: String) {
    changeSchoolProgrammeStatus(id: $id, status: $status, comment: $comment) { id status }
  }
`);
const AddMeasureMutation = graphql(`
  mutation AddProgrammeMeasure($programmeId: ID!, $input: ProgrammeMeasureInput!) { addProgrammeMeasure(programmeId: $programmeId, input: $input) { id } }
`);
const UpdateMeasureMutation = graphql(`
  mutation UpdateProgrammeMeasure($id: ID!, $input: ProgrammeMeasureUpdateInput!) { updateProgrammeMeasure(id: $id, input: $input) { id } }
`);

type Dialog = null | 'measure' | 'progress' | ProgrammeStatus;

const MOVE_BUTTONS: Record<string, string> = {
  AGREED: 'Согласовать', DRAFT: 'Вернуть на доработку', IN_PROGRESS: 'Начать выполнение', COMPLETED: 'Завершить',
};

/** One school programme: goals, measures (overdue ones highlighted), targets with progress, and the life-cycle actions. */
export default function ProgrammePage() {
  const { id = '' } = useParams();
  const caller = useCaller();
  const [{ data, fetching, error }, reload] = useQuery({ query: ProgrammeQuery, variables: { id } });
  const [, move] = useMutation(MoveMutation);
  const [, addMeasure] = useMutation(AddMeasureMutation);
  const [, updateMeasure] = useMutation(UpdateMeasureMutation);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [measureId, setMeasureId] = useState<string | null>(null);
  const [form] = Form.useForm();
  const p = data?.schoolProgramme;
  const ownSchool = !!p && (caller.roles.includes('ADMIN') || (caller.roles.includes('SCHOOL_ADMIN') && caller.schoolId === p.school.id));
  const municipality = !!p && (caller.roles.includes('ADMIN')
    || (hasAnyRole(caller, PROGRAMME_AGREEMENT_ROLES) && caller.municipalityId === p.school.municipality.id));
  const run = useAction(() => { setDialog(null); reload({ requestPolicy: 'network-only' }); });
  const moves = (p?.allowedTransitions ?? []).filter((t) => ((t === 'AGREED' || t === 'DRAFT') ? municipality : ownSchool));
  const draft = p?.status === 'DRAFT';

  const submit = async () => {
    if (!p) return;
    const v = await form.validateFields();
    if (dialog === 'measure') {
      await run(() => addMeasure({ programmeId: p.id, input: { title: v.title, responsible: v.responsible,
        deadline: (v.deadline as dayjs.Dayjs).format('YYYY-MM-DD'), plannedResult: v.plannedResult, goalId: v.goalId } }), 'Мероприятие добавлено');
    } else if (dialog === 'progress' && measureId) {
      await run(() => updateMeasure({ id: measureId, input: { status: v.status as MeasureStatus, evidence: v.evidence ?? '' } }), 'Мероприятие изменено');
    } else if (dialog && dialog !== 'progress') {
      const status: ProgrammeStatus = dialog;
      await run(() => move({ id: p.id, status, comment: v.comment }), 'Статус программы изменён');
    }
  };

  return (
    <QueryState fetching={fetching} error={error} empty={!p} emptyText="Программа не найдена или недоступна">
      {p && (
        <>
          <Typography.Title level={2} className="page-title" data-testid="programme-title">{p.title}</Typography.Title>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card title={<Space>
                <Tag data-testid="programme-status" color={PROGRAMME_STATUS_COLORS[p.status]}>{p.statusLabel}</Tag>
                {p.overdue && <Tag color="red">просрочена</Tag>}
              </Space>}
                extra={<Space>{moves.map((t) => (
                  <Button key={t} type={t === 'DRAFT' ? 'default' : 'primary'} data-testid={`move-${t}`}
                    onClick={() => { form.resetFields(); setDialog(t as ProgrammeStatus); }}>{MOVE_BUTTONS[t]}</Button>))}</Space>}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                  <Descriptions.Item label="Школа"><Link to={`/schools/${p.school.id}`}>{p.school.name}</Link></Descriptions.Item>
                  <Descriptions.Item label="Вид">{p.kindLabel}{p.riskFactorLabel && `: ${p.riskFactorLabel}`}</Descriptions.Item>
                  <Descriptions.Item label="Период">{formatDate(p.periodStart)} — {formatDate(p.periodEnd)}</Descriptions.Item>
                  <Descriptions.Item label="Выполнено мероприятий">{p.measuresDone == null ? '—' : `${Math.round(p.measuresDone * 100)} %`}</Descriptions.Item>
                  <Descriptions.Item label="Создана">{formatDateTime(p.createdAt)} · {p.createdBy}</Descriptions.Item>
                  <Descriptions.Item label="Согласована">{p.agreedAt ? `${formatDateTime(p.agreedAt)} · ${p.agreedBy}` : '—'}</Descriptions.Item>
                  {p.returnComment && p.status === 'DRAFT' && <Descriptions.Item label="Замечания муниципалитета">{p.returnComment}</Descriptions.Item>}
                  {p.summary && <Descriptions.Item label="Итог">{p.summary}</Descriptions.Item>}
                </Descriptions>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title="Цели">
                <List size="small" dataSource={p.goals} locale={{ emptyText: 'Цели не заданы' }}
                  renderItem={(g) => <List.Item><Space direction="vertical" size={0}>
                    <Typography.Text>{g.text}</Typography.Text>
                    <Typography.Text type="secondary">{g.basisKind === 'STATUS' ? 'Статус' : 'Фактор риска'}: {g.basisLabel}</Typography.Text>
                  </Space></List.Item>} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title="Целевые значения показателей">
                <Table size="small" rowKey="id" dataSource={p.targets} pagination={false} locale={{ emptyText: 'Показатели не заданы' }}
                  columns={[
                    { title: 'Показатель', dataIndex: 'label' },
                    { title: 'Исходное', key: 'b', render: (_: unknown, t) => <>{formatNumber(t.baseline)}{t.baselineYear && <Typography.Text type="secondary"> ({t.baselineYear})</Typography.Text>}</> },
                    { title: 'Факт', key: 'a', render: (_: unknown, t) => <>{formatNumber(t.actual)}{t.actualYear && <Typography.Text type="secondary"> ({t.actualYear})</Typography.Text>}</> },
                    { title: 'Цель', key: 't', render: (_: unknown, t) => `${formatNumber(t.target)} к ${t.targetYear}` },
                    { title: 'Прогресс', key: 'p', width: 160, render: (_: unknown, t) => (t.progress == null ? '—'
                      : <Progress percent={Math.round(t.progress * 100)} size="small" status={t.achieved ? 'success' : 'normal'} />) },
                  ]} />
              </Card>
            </Col>
            <Col span={24}>
              <Card title="Мероприятия" extra={ownSchool && draft && <Button data-testid="add-measure"
                onClick={() => { form.resetFields(); setDialog('measure'); }}>Добавить мероприятие</Button>}>
                <Table size="small" rowKey="id" dataSource={p.measures} pagination={false} data-testid="programme-measures"
                  locale={{ emptyText: 'Мероприятий пока нет' }} rowClassName={(m) => (m.overdue ? 'row-overdue' : '')}
                  columns={[
                    { title: 'Мероприятие', dataIndex: 'title' },
                    { title: 'Ответственный', dataIndex: 'responsible' },
                    { title: 'Срок', dataIndex: 'deadline', render: (d: string, m) => <>{formatDate(d)}{m.overdue && <Tag color="red" style={{ marginLeft: 8 }}>просрочено</Tag>}</> },
                    { title: 'Планируемый результат', dataIndex: 'plannedResult', render: (r: string | null) => r ?? '—' },
                    { title: 'Партнёры', key: 'pt', render: (_: unknown, m) => (m.partners.length ? m.partners.map((x) => x.name).join(', ') : '—') },
                    { title: 'Статус', dataIndex: 'status', render: (s: string) => MEASURE_STATUS_LABELS[s] ?? s },
                    { title: 'Подтверждение', dataIndex: 'evidence', render: (e: string | null, m) => (e ? <>{e}{m.doneOn && <Typography.Text type="secondary"> ({formatDate(m.doneOn)})</Typography.Text>}</> : '—') },
                    ...(ownSchool && p.status !== 'COMPLETED' ? [{ title: '', key: 'e', render: (_: unknown, m: (typeof p.measures)[number]) => (
                      <Button size="small" onClick={() => { setMeasureId(m.id); form.setFieldsValue({ status: m.status, evidence: m.evidence }); setDialog('progress'); }}>
                        Отметить</Button>) }] : []),
                  ]} />
              </Card>
            </Col>
          </Row>
          <Modal open={dialog !== null} onCancel={() => setDialog(null)} onOk={submit} okText="Сохранить" cancelText="Отмена" destroyOnHidden
            title={dialog === 'measure' ? 'Новое мероприятие' : dialog === 'progress' ? 'Выполнение мероприятия' : MOVE_BUTTONS[dialog ?? '']}>
            <Form form={form} layout="vertical" preserve={false}>
              {dialog === 'measure' && <>
                <Form.Item label="Мероприятие" name="title" rules={[{ required: true, message: 'Введите название' }]}><Input data-testid="measure-title" /></Form.Item>
                <Form.Item label="Ответственный" name="responsible" rules={[{ required: true, message: 'Укажите ответственного' }]}><Input data-testid="measure-responsible" /></Form.Item>
                <Form.Item label="Срок" name="deadline" rules={[{ required: true, message: 'Укажите срок' }]}>
                  <DatePicker format="DD.MM.YYYY" style={{ width: '100%' }} data-testid="measure-deadline" /></Form.Item>
                <Form.Item label="Планируемый результат" name="plannedResult"><Input.TextArea rows={2} /></Form.Item>
                <Form.Item label="Цель" name="goalId"><Select allowClear options={p.goals.map((g) => ({ value: g.id, label: g.text }))} /></Form.Item>
              </>}
              {dialog === 'progress' && <>
                <Form.Item label="Статус" name="status"><Select options={Object.entries(MEASURE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} /></Form.Item>
                <Form.Item label="Подтверждение выполнения (документ, приказ, ссылка)" name="evidence"><Input.TextArea rows={2} /></Form.Item>
              </>}
              {dialog === 'DRAFT' && <Form.Item label="Что доработать" name="comment" rules={[{ required: true, message: 'Укажите замечания' }]}><Input.TextArea rows={3} /></Form.Item>}
              {dialog === 'COMPLETED' && <Form.Item label="Итоги программы" name="comment"><Input.TextArea rows={3} /></Form.Item>}
              {(dialog === 'AGREED' || dialog === 'IN_PROGRESS') && <Typography.Text>
                {dialog === 'AGREED' ? 'Программа будет согласована муниципалитетом; изменить её можно будет только после возврата на доработку.'
                  : 'Программа перейдёт в выполнение.'}</Typography.Text>}
            </Form>
          </Modal>
        </>
      )}
    </QueryState>
  );
}
