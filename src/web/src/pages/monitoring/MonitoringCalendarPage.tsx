import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Popconfirm, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { useCaller } from '../../auth/CallerContext';
import { QueryState } from '../../components/QueryState';
import { canMarkSubmission, hasAnyRole } from '../../lib/access';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/useAction';

const CalendarQuery = graphql(`
  query MonitoringCalendar($regionId: ID!, $year: Int!) {
    monitoringCalendar(regionId: $regionId, year: $year) {
      id kind title description startDate dueDate submitterLevel supportSchoolsOnly phase daysLeft
      submitterCount submittedCount pendingCount reminderDates
      submitters { territoryId name level municipalityId submitted submittedOn source }
    }
  }
`);
const CreateDeadlineMutation = graphql(`
  mutation CreateMonitoringDeadline($input: MonitoringDeadlineInput!) { createMonitoringDeadline(input: $input) { id } }
`);
const DeleteDeadlineMutation = graphql(`
  mutation DeleteMonitoringDeadline($id: ID!) { deleteMonitoringDeadline(id: $id) }
`);
const MarkSubmittedMutation = graphql(`
  mutation MarkMonitoringSubmitted($deadlineId: ID!, $territoryId: ID!, $submitted: Boolean) {
    markMonitoringSubmitted(deadlineId: $deadlineId, territoryId: $territoryId, submitted: $submitted) { id submittedCount }
  }
`);

const KIND_LABELS: Record<string, { label: string; color: string }> = {
  IDENTIFICATION: { label: 'выявление, до 1 ноября', color: 'purple' },
  TEACHER_DIAGNOSTICS: { label: 'диагностика педагогов, март', color: 'blue' },
  PARTICIPATION_MONITORING: { label: 'участие в мероприятиях, май – июнь', color: 'cyan' },
  REGIONAL: { label: 'срок региона', color: 'gold' },
};
const PHASES: Record<string, { label: string; color: string }> = {
  UPCOMING: { label: 'приём не начат', color: 'default' },
  OPEN: { label: 'идёт приём', color: 'processing' },
  OVERDUE: { label: 'срок прошёл', color: 'error' },
  COMPLETE: { label: 'сдали все', color: 'success' },
};
const LEVELS = [
  { value: 'SCHOOL', label: 'Школы' },
  { value: 'MUNICIPALITY', label: 'Муниципалитеты' },
  { value: 'REGION', label: 'Регион' },
];

interface NewDeadline {
  title: string; description?: string; period: [Dayjs, Dayjs]; submitterLevel: string; supportSchoolsOnly?: boolean;
}

/** The region's monitoring calendar of a year: the documents' dates and the region's own, who has not submitted yet. */
export default function MonitoringCalendarPage() {
  const caller = useCaller();
  const regionId = caller.regionId ?? '';
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<NewDeadline>();
  const [calendar, reload] = useQuery({ query: CalendarQuery, variables: { regionId, year }, pause: !regionId });
  const [, create] = useMutation(CreateDeadlineMutation);
  const [, remove] = useMutation(DeleteDeadlineMutation);
  const [, mark] = useMutation(MarkSubmittedMutation);
  const act = useAction(() => reload({ requestPolicy: 'network-only' }));
  const manages = hasAnyRole(caller, ['REGIONAL_COORDINATOR']);
  const deadlines = calendar.data?.monitoringCalendar ?? [];

  const submit = async (values: NewDeadline) => {
    const ok = await act(() => create({ input: {
      regionId, title: values.title, description: values.description, startDate: values.period[0].format('YYYY-MM-DD'),
      dueDate: values.period[1].format('YYYY-MM-DD'), submitterLevel: values.submitterLevel as never,
      supportSchoolsOnly: values.submitterLevel === 'SCHOOL' && !!values.supportSchoolsOnly,
    } }), 'Срок добавлен в календарь');
    if (ok) { setAdding(false); form.resetFields(); }
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">Календарь мониторинга</Typography.Title>
      <Typography.Paragraph type="secondary">
        Сроки, установленные документами (диагностика дефицитов педагогов — март, мониторинг участия в мероприятиях —
        май – июнь, выявление ШНОР и ШНСУ — до 1 ноября), и сроки региона. Тем, кто не сдал, приходят напоминания за 14 и
        за 3 дня до срока и через 1 и 7 дней после него.
      </Typography.Paragraph>
      <Card title={`Сроки ${year} года`} data-testid="monitoring-calendar"
        extra={<Space>
          Год <InputNumber min={2000} max={2100} value={year} aria-label="Год" onChange={(v) => v && setParams({ year: String(v) })} />
          {manages && <Button type="primary" onClick={() => setAdding(true)}>Добавить срок</Button>}
        </Space>}>
        <QueryState fetching={calendar.fetching} error={calendar.error} empty={deadlines.length === 0}>
          <Table rowKey="id" dataSource={deadlines} pagination={false} size="middle" data-testid="calendar-table"
            expandable={{ expandRowByClick: false, rowExpandable: () => true, expandedRowRender: (d) => (
              <div data-testid="calendar-submitters">
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  Напоминания: {d.reminderDates.map(formatDate).join(', ')}.
                  {d.description ? ` ${d.description}` : ''}
                </Typography.Paragraph>
                <Table rowKey="territoryId" size="small" pagination={d.submitters.length > 20 ? { pageSize: 20 } : false}
                  dataSource={[...d.submitters].sort((a, b) => Number(a.submitted) - Number(b.submitted))}
                  columns={[
                    { title: 'Кто сдаёт', dataIndex: 'name' },
                    { title: 'Сдано', key: 'status', render: (_, s) => s.submitted
                      ? <Tag color="green">сдано {formatDate(s.submittedOn)}{s.source === 'DATA' ? ' (по данным)' : ''}</Tag>
                      : <Tag color={d.phase === 'OVERDUE' ? 'red' : 'orange'}>не сдано</Tag> },
                    { title: '', key: 'action', render: (_, s) => canMarkSubmission(caller, s) && (
                      s.submitted ? (s.source === 'MARK' && <Button size="small" onClick={() => act(() => mark({ deadlineId: d.id, territoryId: s.territoryId, submitted: false }), 'Отметка снята')}>Снять отметку</Button>)
                        : <Button size="small" type="primary" onClick={() => act(() => mark({ deadlineId: d.id, territoryId: s.territoryId, submitted: true }), 'Сдача отмечена')}>Отметить сдачу</Button>) },
                  ]} />
              </div>) }}
            columns={[
              { title: 'Срок', key: 'title', render: (_, d) => (<>
                <div><Typography.Text strong>{d.title}</Typography.Text></div>
                <Tag color={KIND_LABELS[d.kind].color}>{KIND_LABELS[d.kind].label}</Tag>
                <Typography.Text type="secondary">сдают: {LEVELS.find((l) => l.value === d.submitterLevel)?.label.toLowerCase()}
                  {d.supportSchoolsOnly ? ' (ШНОР и ШНСУ)' : ''}</Typography.Text>
              </>) },
              { title: 'Приём', key: 'period', width: 210, render: (_, d) => `${formatDate(d.startDate)} – ${formatDate(d.dueDate)}` },
              { title: 'Состояние', key: 'phase', width: 200, render: (_, d) => (<>
                <Tag color={PHASES[d.phase].color} data-testid="deadline-phase">{PHASES[d.phase].label}</Tag>
                {d.phase === 'OPEN' && <Typography.Text type="secondary">осталось дней: {d.daysLeft}</Typography.Text>}
              </>) },
              { title: 'Сдали', key: 'progress', width: 220, render: (_, d) => (
                <Space direction="vertical" size={0} style={{ width: '100%' }}>
                  <span data-testid="deadline-count">{d.submittedCount} из {d.submitterCount}</span>
                  <Progress size="small" showInfo={false} percent={d.submitterCount ? Math.round(100 * d.submittedCount / d.submitterCount) : 0}
                    status={d.phase === 'OVERDUE' ? 'exception' : undefined} />
                </Space>) },
              { title: '', key: 'actions', width: 110, render: (_, d) => manages && d.kind === 'REGIONAL' && (
                <Popconfirm title="Удалить срок вместе с отметками о сдаче?" okText="Удалить" cancelText="Отмена"
                  onConfirm={() => act(() => remove({ id: d.id }), 'Срок удалён')}>
                  <Button size="small" danger>Удалить</Button>
                </Popconfirm>) },
            ]} />
        </QueryState>
      </Card>
      <Modal open={adding} title="Срок региона" okText="Добавить" cancelText="Отмена" onCancel={() => setAdding(false)}
        onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ submitterLevel: 'SCHOOL' }}>
          <Form.Item name="title" label="Что сдать" rules={[{ required: true, message: 'Укажите, что нужно сдать' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="description" label="Пояснение"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="period" label="Приём (начало и срок сдачи)" rules={[{ required: true, message: 'Укажите даты приёма' }]}>
            <DatePicker.RangePicker format="DD.MM.YYYY" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="submitterLevel" label="Кто сдаёт" rules={[{ required: true }]}>
            <Select options={LEVELS} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.submitterLevel !== b.submitterLevel}>
            {({ getFieldValue }) => getFieldValue('submitterLevel') === 'SCHOOL' && (
              <Form.Item name="supportSchoolsOnly" valuePropName="checked"><Checkbox>Только ШНОР и ШНСУ</Checkbox></Form.Item>
            )}
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
