import { useMemo, useState } from 'react';
import { Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { hasAnyRole } from '../lib/access';
import { QueryState } from '../components/QueryState';
import { EChart } from '../components/EChart';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { useAction } from '../lib/useAction';
import { PAIR_STATUS_COLORS, PAIR_STATUS_LABELS } from '../lib/status';
import type { PairActivityStatus } from '../gql/graphql';

export const PairFields = graphql(`
  fragment PairFields on NetworkPair {
    id regionId status statusLabel allowedTransitions score scoreSummary note
    createdAt createdBy agreementDate agreementRef startDate endDate cancelReason summary
    mentee { id name municipalityId } leader { id name municipalityId }
    plan { id title deadline responsible plannedResult status overdue updatedAt updatedBy }
    history { seq at by action from to }
    outcome {
      method note difference comparisonChange
      mentee { school { name } series { year value } before after change }
      comparison { school { name } series { year value } }
    }
  }
`);

const PairQuery = graphql(`
  query Pair($id: ID!) { networkPair(id: $id) { ...PairFields } }
`);

const AgreeMutation = graphql(`
  mutation AgreePair($id: ID!, $date: Date!, $ref: String!) { agreeNetworkPair(id: $id, agreementDate: $date, agreementRef: $ref) { ...PairFields } }
`);
const ActivateMutation = graphql(`
  mutation ActivatePair($id: ID!, $date: Date) { activateNetworkPair(id: $id, startDate: $date) { ...PairFields } }
`);
const CompleteMutation = graphql(`
  mutation CompletePair($id: ID!, $summary: String) { completeNetworkPair(id: $id, summary: $summary) { ...PairFields } }
`);
const CancelMutation = graphql(`
  mutation CancelPair($id: ID!, $reason: String!) { cancelNetworkPair(id: $id, reason: $reason) { ...PairFields } }
`);
const AddActivityMutation = graphql(`
  mutation AddActivity($pairId: ID!, $input: PairActivityInput!) { addPairActivity(pairId: $pairId, input: $input) { id } }
`);
const UpdateActivityMutation = graphql(`
  mutation UpdateActivity($id: ID!, $input: PairActivityUpdateInput!) { updatePairActivity(id: $id, input: $input) { id } }
`);

const ACTIVITY_STATUS: Record<string, string> = { PLANNED: 'запланировано', IN_PROGRESS: 'выполняется', DONE: 'выполнено', CANCELLED: 'отменено' };
const ACTIONS: Record<string, string> = {
  CREATED: 'Пара создана', STATUS_CHANGED: 'Смена состояния', ACTIVITY_ADDED: 'Добавлено мероприятие',
  ACTIVITY_UPDATED: 'Изменено мероприятие', ACTIVITY_REMOVED: 'Удалено мероприятие',
};

type Dialog = null | 'AGREED' | 'ACTIVE' | 'COMPLETED' | 'CANCELLED' | 'activity';

export default function PairPage() {
  const { id = '' } = useParams();
  const caller = useCaller();
  const [{ data, fetching, error }, reload] = useQuery({ query: PairQuery, variables: { id } });
  const [, agree] = useMutation(AgreeMutation);
  const [, activate] = useMutation(ActivateMutation);
  const [, complete] = useMutation(CompleteMutation);
  const [, cancel] = useMutation(CancelMutation);
  const [, addActivity] = useMutation(AddActivityMutation);
  const [, updateActivity] = useMutation(UpdateActivityMutation);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [form] = Form.useForm();
  const pair = data?.networkPair;
  const canAct = hasAnyRole(caller, ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR']);

  const chart = useMemo(() => {
    const outcome = pair?.outcome;
    if (!outcome) return null;
    const years = [...new Set([outcome.mentee, ...outcome.comparison].flatMap((s) => s.series.map((p) => p.year)))].sort();
    const mean = years.map((y) => {
      const values = outcome.comparison.map((c) => c.series.find((p) => p.year === y)?.value).filter((v): v is number => v != null);
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
    });
    return {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid: { left: 48, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: years.map(String) }, yAxis: { type: 'value', name: 'индекс результатов' },
      series: [
        { name: outcome.mentee.school.name, type: 'line', data: years.map((y) => outcome.mentee.series.find((p) => p.year === y)?.value ?? null),
          markLine: pair?.startDate ? { symbol: 'none', data: [{ xAxis: String(Number(pair.startDate.slice(0, 4))) }], label: { formatter: 'начало' } } : undefined },
        { name: 'Сопоставимые школы без пары (среднее)', type: 'line', lineStyle: { type: 'dashed' }, data: mean },
      ],
    };
  }, [pair]);

  const run = useAction(() => {
    setDialog(null);
    form.resetFields();
    reload({ requestPolicy: 'network-only' });
  });

  const submitDialog = async () => {
    const v = await form.validateFields();
    if (!pair) return;
    const date = (d?: dayjs.Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);
    if (dialog === 'AGREED') await run(() => agree({ id: pair.id, date: date(v.date)!, ref: v.ref }), 'Соглашение отмечено');
    if (dialog === 'ACTIVE') await run(() => activate({ id: pair.id, date: date(v.date) }), 'Пара начала работу');
    if (dialog === 'COMPLETED') await run(() => complete({ id: pair.id, summary: v.summary }), 'Пара завершена');
    if (dialog === 'CANCELLED') await run(() => cancel({ id: pair.id, reason: v.reason }), 'Пара отменена');
    if (dialog === 'activity') {
      const input = { title: v.title, deadline: date(v.deadline), responsible: v.responsible, plannedResult: v.plannedResult, status: v.status as PairActivityStatus };
      if (editing) await run(() => updateActivity({ id: editing, input: { ...input, clearDeadline: input.deadline ? undefined : true } }), 'Мероприятие изменено');
      else await run(() => addActivity({ pairId: pair.id, input }), 'Мероприятие добавлено');
    }
  };

  const openActivity = (activity?: NonNullable<typeof pair>['plan'][number]) => {
    setEditing(activity?.id ?? null);
    form.setFieldsValue(activity
      ? { ...activity, deadline: activity.deadline ? dayjs(activity.deadline) : undefined }
      : { title: '', deadline: undefined, responsible: '', plannedResult: '', status: 'PLANNED' });
    setDialog('activity');
  };

  const TRANSITION_BUTTONS: Record<string, string> = { AGREED: 'Согласовать', ACTIVE: 'Начать работу', COMPLETED: 'Завершить', CANCELLED: 'Отменить' };

  return (
    <QueryState fetching={fetching} error={error} empty={!pair} emptyText="Пара не найдена или недоступна">
      {pair && (
        <>
          <Typography.Title level={2} className="page-title">Сетевая пара</Typography.Title>
          <Row gutter={[16, 16]}>
            <Col span={24}>
              <Card extra={canAct && <Space>{pair.allowedTransitions.map((t) => (
                <Button key={t} danger={t === 'CANCELLED'} type={t === 'CANCELLED' ? 'default' : 'primary'}
                  onClick={() => { form.resetFields(); setDialog(t as Dialog); }}>{TRANSITION_BUTTONS[t] ?? t}</Button>))}</Space>}
                title={<Space><Tag data-testid="pair-status" color={PAIR_STATUS_COLORS[pair.status]}>{PAIR_STATUS_LABELS[pair.status]}</Tag></Space>}>
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                  <Descriptions.Item label="ШНОР"><Link to={`/schools/${pair.mentee.id}`}>{pair.mentee.name}</Link></Descriptions.Item>
                  <Descriptions.Item label="Школа-партнёр"><Link to={`/schools/${pair.leader.id}`}>{pair.leader.name}</Link></Descriptions.Item>
                  <Descriptions.Item label="Оценка пары">{formatNumber(pair.score)}</Descriptions.Item>
                  <Descriptions.Item label="Почему">{pair.scoreSummary ?? '—'}</Descriptions.Item>
                  <Descriptions.Item label="Соглашение">{pair.agreementRef ? `${pair.agreementRef} от ${formatDate(pair.agreementDate)}` : '—'}</Descriptions.Item>
                  <Descriptions.Item label="Начало / окончание">{formatDate(pair.startDate)} / {formatDate(pair.endDate)}</Descriptions.Item>
                  {pair.cancelReason && <Descriptions.Item label="Причина отмены">{pair.cancelReason}</Descriptions.Item>}
                  {pair.summary && <Descriptions.Item label="Итог">{pair.summary}</Descriptions.Item>}
                </Descriptions>
              </Card>
            </Col>
            <Col span={24}>
              <Card title="Совместный план" extra={canAct && <Button onClick={() => openActivity()}>Добавить мероприятие</Button>}>
                <Table size="small" rowKey="id" dataSource={pair.plan} pagination={false} locale={{ emptyText: 'План пуст' }}
                  rowClassName={(a) => (a.overdue ? 'row-overdue' : '')}
                  columns={[
                    { title: 'Мероприятие', dataIndex: 'title' },
                    { title: 'Срок', dataIndex: 'deadline', render: (d: string, a) => <>{formatDate(d)}{a.overdue && <Tag color="red" style={{ marginLeft: 8 }}>просрочено</Tag>}</> },
                    { title: 'Ответственный', dataIndex: 'responsible' },
                    { title: 'Планируемый результат', dataIndex: 'plannedResult' },
                    { title: 'Статус', dataIndex: 'status', render: (s: string) => ACTIVITY_STATUS[s] ?? s },
                    ...(canAct ? [{ title: '', key: 'e', render: (_: unknown, a: typeof pair.plan[number]) => <Button size="small" onClick={() => openActivity(a)}>Изменить</Button> }] : []),
                  ]} />
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="Результаты в сравнении с сопоставимыми школами без пары">
                {chart ? <>
                  <EChart option={chart} label="Динамика индекса результатов школы и сопоставимых школ без пары" />
                  <Typography.Paragraph type="secondary">{pair.outcome?.method} Разница изменений: {formatNumber(pair.outcome?.difference)}.</Typography.Paragraph>
                </> : <Typography.Text type="secondary">Появится после начала работы пары</Typography.Text>}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card title="История">
                <Timeline items={pair.history.map((h) => ({
                  key: h.seq,
                  children: <>{formatDateTime(h.at)} · {h.by}: {ACTIONS[h.action] ?? h.action}
                    {h.to && <> → {PAIR_STATUS_LABELS[h.to]}</>}</>,
                }))} />
              </Card>
            </Col>
          </Row>
          <Modal open={dialog !== null} onCancel={() => setDialog(null)} onOk={submitDialog} okText="Сохранить" cancelText="Отмена"
            title={dialog === 'activity' ? (editing ? 'Изменить мероприятие' : 'Новое мероприятие') : TRANSITION_BUTTONS[dialog ?? '']} destroyOnHidden>
            <Form form={form} layout="vertical" preserve={false}>
              {dialog === 'AGREED' && <>
                <Form.Item label="Дата соглашения" name="date" rules={[{ required: true, message: 'Укажите дату' }]}><DatePicker format="DD.MM.YYYY" style={{ width: '100%' }} /></Form.Item>
                <Form.Item label="Реквизиты документа" name="ref" rules={[{ required: true, message: 'Укажите номер документа' }]}><Input /></Form.Item>
              </>}
              {dialog === 'ACTIVE' && <Form.Item label="Дата начала (по умолчанию сегодня)" name="date"><DatePicker format="DD.MM.YYYY" style={{ width: '100%' }} /></Form.Item>}
              {dialog === 'COMPLETED' && <Form.Item label="Итог работы" name="summary"><Input.TextArea rows={3} /></Form.Item>}
              {dialog === 'CANCELLED' && <Form.Item label="Причина отмены" name="reason" rules={[{ required: true, message: 'Укажите причину' }]}><Input.TextArea rows={3} /></Form.Item>}
              {dialog === 'activity' && <>
                <Form.Item label="Название" name="title" rules={[{ required: true, message: 'Введите название' }]}><Input /></Form.Item>
                <Form.Item label="Срок" name="deadline"><DatePicker format="DD.MM.YYYY" style={{ width: '100%' }} /></Form.Item>
                <Form.Item label="Ответственный" name="responsible"><Input /></Form.Item>
                <Form.Item label="Планируемый результат" name="plannedResult"><Input.TextArea rows={2} /></Form.Item>
                <Form.Item label="Статус" name="status"><Select options={Object.entries(ACTIVITY_STATUS).map(([value, label]) => ({ value, label }))} /></Form.Item>
              </>}
            </Form>
          </Modal>
        </>
      )}
    </QueryState>
  );
}
