import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, Modal, Space, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { QueryState } from '../components/QueryState';
import { TeacherDevelopment } from '../components/TeacherDevelopment';
import { CreatePlan, PlanFormFields } from '../components/PlanForm';
import { planInput } from '../lib/plan';
import { useAction } from '../lib/useAction';
import { RELATION_ACTION, RELATION_STATUS } from '../lib/labels';
import { formatDate } from '../lib/format';

// Private notes are asked for only when the caller is the relation's mentor (anyone else gets FORBIDDEN for them).
const RelationQuery = graphql(`
  query MentoringRelationPage($id: ID!, $mentor: Boolean!) {
    mentoringRelation(id: $id) {
      id kind status statusLabel startDate plannedEndDate endDate goal lastMeetingDate allowedTransitions
      mentor { id fullName }
      mentee {
        id fullName position subjects school { name }
        deficits { competence competenceLabel level date instrument note }
        plans { id title startDate endDate progress goals { id competence target deadline status doneOn } }
        courses { id title provider hours completedOn }
      }
      meetings { id date topic sharedNotes privateNotes @include(if: $mentor) nextSteps }
    }
    myMentoring { me { id } }
  }
`);

const LogMeeting = graphql(`
  mutation LogMeeting($input: MeetingInput!) { logMeeting(input: $input) { id } }
`);
const ChangeStatus = graphql(`
  mutation ChangeMentoringStatus($id: ID!, $status: MentoringStatus!) { changeMentoringStatus(id: $id, status: $status) { id status } }
`);

export default function RelationPage() {
  const { id = '' } = useParams();
  const caller = useCaller();
  // Whether the caller mentors this relation decides if private notes are requested at all.
  const [{ data: who, error: whoError }] = useQuery({ query: RelationQuery, variables: { id, mentor: false } });
  const isMentor = !!who?.mentoringRelation && who.mentoringRelation.mentor.id === who.myMentoring.me?.id;
  const [{ data, fetching, error }, reload] = useQuery({ query: RelationQuery, variables: { id, mentor: isMentor }, pause: !who });
  const [, logMeeting] = useMutation(LogMeeting);
  const [, changeStatus] = useMutation(ChangeStatus);
  const [, createPlan] = useMutation(CreatePlan);
  const [dialog, setDialog] = useState<null | 'meeting' | 'plan'>(null);
  const [form] = Form.useForm();
  const r = data?.mentoringRelation;

  const act = useAction(() => {
    setDialog(null);
    form.resetFields();
    reload({ requestPolicy: 'network-only' });
  });

  const save = async () => {
    const v = await form.validateFields();
    if (dialog === 'meeting') {
      await act(() => logMeeting({ input: { relationId: id, date: v.date.format('YYYY-MM-DD'), topic: v.topic, sharedNotes: v.sharedNotes,
        privateNotes: v.privateNotes, nextSteps: (v.nextSteps ?? '').split('\n').map((s: string) => s.trim()).filter(Boolean) } }), 'Встреча записана');
    }
    if (dialog === 'plan' && r?.mentee) {
      await act(() => createPlan({ input: planInput(r.mentee!.id, v) }), 'ИОМ педагога создан');
    }
  };

  return (
    <QueryState fetching={fetching || (!who && !whoError)} error={error ?? whoError} empty={!r} emptyText="Наставничество не найдено или недоступно">
      {r && (
        <>
          <Typography.Title level={2} className="page-title">Наставничество: {r.mentee?.fullName}</Typography.Title>
          <Card style={{ marginBottom: 16 }} extra={<Space>
            {isMentor && r.status === 'ACTIVE' && <Button type="primary" data-testid="log-meeting" onClick={() => { form.setFieldsValue({ date: dayjs() }); setDialog('meeting'); }}>Записать встречу</Button>}
            {isMentor && r.mentee && <Button onClick={() => setDialog('plan')}>Новый ИОМ педагога</Button>}
            {r.allowedTransitions.map((s) => (
              <Button key={s} danger={s === 'CANCELLED'} onClick={() => act(() => changeStatus({ id, status: s as never }), `Статус: ${RELATION_STATUS[s].label}`)}>{RELATION_ACTION[s]}</Button>
            ))}
          </Space>}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="Статус"><Tag data-testid="relation-status" color={RELATION_STATUS[r.status].color}>{RELATION_STATUS[r.status].label}</Tag></Descriptions.Item>
              <Descriptions.Item label="Наставник">{r.mentor.fullName}</Descriptions.Item>
              <Descriptions.Item label="С">{formatDate(r.startDate)}</Descriptions.Item>
              <Descriptions.Item label="Цель">{r.goal ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Последняя встреча">{formatDate(r.lastMeetingDate)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="Встречи" style={{ marginBottom: 16 }} data-testid="meetings">
            {r.meetings.length === 0 ? <Typography.Text type="secondary">Встреч ещё не было</Typography.Text> : (
              <Timeline items={r.meetings.map((m) => ({ children: (
                <div data-testid="meeting">
                  <Typography.Text strong>{formatDate(m.date)} — {m.topic}</Typography.Text>
                  {m.sharedNotes && <div><Typography.Text type="secondary">Для наставляемого: </Typography.Text>{m.sharedNotes}</div>}
                  {isMentor && 'privateNotes' in m && m.privateNotes && <div data-testid="private-note"><Typography.Text type="warning">Мои заметки: </Typography.Text>{m.privateNotes}</div>}
                  {m.nextSteps.length > 0 && <ul style={{ margin: 0 }}>{m.nextSteps.map((s) => <li key={s}>{s}</li>)}</ul>}
                </div>) }))} />
            )}
          </Card>
          {r.mentee && <TeacherDevelopment data={r.mentee} canEditGoals onChanged={() => reload({ requestPolicy: 'network-only' })} />}
          <Typography.Paragraph style={{ marginTop: 16 }}><Link to={caller.roles.includes('MENTOR') ? '/mentoring' : '/'}>← назад</Link></Typography.Paragraph>
          <Modal open={dialog !== null} title={dialog === 'meeting' ? 'Встреча с наставляемым' : 'Новый ИОМ педагога наставляемого'} okText="Сохранить"
            cancelText="Отмена" onOk={save} onCancel={() => setDialog(null)} destroyOnHidden>
            <Form form={form} layout="vertical">
              {dialog === 'meeting' && (
                <>
                  <Form.Item name="date" label="Дата" rules={[{ required: true, message: 'Укажите дату' }]}><DatePicker format="DD.MM.YYYY" /></Form.Item>
                  <Form.Item name="topic" label="Тема" rules={[{ required: true, whitespace: true, message: 'Укажите тему' }]}><Input data-testid="meeting-topic" /></Form.Item>
                  <Form.Item name="sharedNotes" label="Заметки для наставляемого (он их увидит)"><Input.TextArea rows={3} data-testid="meeting-shared" /></Form.Item>
                  <Form.Item name="privateNotes" label="Личные заметки (видите только вы)"><Input.TextArea rows={2} data-testid="meeting-private" /></Form.Item>
                  <Form.Item name="nextSteps" label="Договорённости, по одной в строке"><Input.TextArea rows={2} data-testid="meeting-steps" /></Form.Item>
                </>
              )}
              {dialog === 'plan' && <PlanFormFields />}
            </Form>
          </Modal>
        </>
      )}
    </QueryState>
  );
}
