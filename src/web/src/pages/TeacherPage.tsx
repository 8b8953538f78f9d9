import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { hasAnyRole, TEACHER_MANAGER_ROLES } from '../lib/access';
import { Forbidden } from '../components/Forbidden';
import { QueryState } from '../components/QueryState';
import { TeacherDevelopment } from '../components/TeacherDevelopment';
import { useAction } from '../lib/useAction';
import { COMPETENCE, DEFICIT_LEVEL } from '../lib/labels';
import { CreatePlan, PlanFormFields } from '../components/PlanForm';
import { planInput } from '../lib/plan';
import { ProposeMentoring } from '../components/ProposeMentoringDialog';

// Personal fields in one query: a caller without the right gets FORBIDDEN and the page says «Нет доступа».
const TeacherQuery = graphql(`
  query TeacherPage($id: ID!) {
    teacher(id: $id) {
      id fullName position subjects category experienceYears youngSpecialist school { id name }
      diagnostics { id date instrument }
      deficits { competence competenceLabel level date instrument note }
      plans { id title startDate endDate progress goals { id competence target deadline status doneOn } }
      courses { id title provider hours completedOn }
    }
  }
`);
const SuggestionsQuery = graphql(`
  query MentorSuggestionsFor($id: ID!) {
    mentorSuggestions(teacherId: $id, first: 5) {
      mentor { id fullName position subjects school { name } } score coveredDeficits freeSlots reasons
    }
  }
`);
const RecordDiagnostic = graphql(`
  mutation RecordDiagnostic($input: DiagnosticInput!) { recordDiagnostic(input: $input) { id } }
`);

const INSTRUMENTS = ['Диагностика профессиональных дефицитов ЦНППМ', 'Региональная диагностика предметных и методических компетенций',
  'Самодиагностика с экспертной оценкой'];

export default function TeacherPage() {
  const { id = '' } = useParams();
  const caller = useCaller();
  const [{ data, fetching, error }, reload] = useQuery({ query: TeacherQuery, variables: { id } });
  const manager = hasAnyRole(caller, TEACHER_MANAGER_ROLES);
  const [suggestions, reloadSuggestions] = useQuery({ query: SuggestionsQuery, variables: { id }, pause: !manager || !data?.teacher });
  const [, recordDiagnostic] = useMutation(RecordDiagnostic);
  const [, proposeMentoring] = useMutation(ProposeMentoring);
  const [, createPlan] = useMutation(CreatePlan);
  const [dialog, setDialog] = useState<null | 'diagnostic' | 'plan'>(null);
  const [form] = Form.useForm();
  const t = data?.teacher;

  const act = useAction(() => {
    setDialog(null);
    form.resetFields();
    reload({ requestPolicy: 'network-only' });
    reloadSuggestions({ requestPolicy: 'network-only' });
  });

  if (error?.graphQLErrors.some((e) => e.extensions?.code === 'FORBIDDEN')) {
    return <Forbidden text="Это персональные данные другого педагога: их видят сам педагог, его наставник и администрация его школы." />;
  }

  const save = async () => {
    const v = await form.validateFields();
    if (dialog === 'diagnostic') {
      await act(() => recordDiagnostic({ input: { teacherId: id, date: v.date.format('YYYY-MM-DD'), instrument: v.instrument,
        deficits: (v.deficits ?? []).filter((d: { competence?: string }) => d?.competence) } }), 'Диагностика записана');
    }
    if (dialog === 'plan') {
      await act(() => createPlan({ input: planInput(id, v) }), 'ИОМ педагога создан');
    }
  };

  return (
    <QueryState fetching={fetching} error={error} empty={!t} emptyText="Педагог не найден">
      {t && (
        <>
          <Typography.Title level={2} className="page-title" data-testid="teacher-name">{t.fullName}</Typography.Title>
          <Card style={{ marginBottom: 16 }} extra={manager && <Space>
            <Button type="primary" data-testid="record-diagnostic" onClick={() => { form.setFieldsValue({ date: dayjs(), instrument: INSTRUMENTS[0], deficits: [{}] }); setDialog('diagnostic'); }}>Записать диагностику</Button>
            <Button onClick={() => setDialog('plan')}>Создать ИОМ педагога</Button>
          </Space>}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="Должность">{t.position ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Предметы">{t.subjects.join(', ')}</Descriptions.Item>
              <Descriptions.Item label="Школа">{t.school?.name}</Descriptions.Item>
              <Descriptions.Item label="Категория">{t.category ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Стаж">{t.experienceYears} лет{t.youngSpecialist ? ' (молодой специалист)' : ''}</Descriptions.Item>
              <Descriptions.Item label="Диагностик">{t.diagnostics.length}</Descriptions.Item>
            </Descriptions>
          </Card>
          <TeacherDevelopment data={t} canEditGoals={manager} onChanged={() => reload({ requestPolicy: 'network-only' })} />
          {manager && (
            <Card title="Подбор наставника" style={{ marginTop: 16 }} data-testid="mentor-suggestions">
              <QueryState fetching={suggestions.fetching} error={suggestions.error} empty={(suggestions.data?.mentorSuggestions ?? []).length === 0}
                emptyText="Нет свободных наставников, закрывающих дефициты">
                <List dataSource={suggestions.data?.mentorSuggestions ?? []} renderItem={(s) => (
                  <List.Item key={s.mentor.id} data-testid="mentor-suggestion" actions={[
                    <Button key="p" type="primary" onClick={() => act(() => proposeMentoring({ input: { kind: 'TEACHER_TEACHER', mentorId: s.mentor.id,
                      menteeTeacherId: id, goal: `Закрыть дефициты: ${s.coveredDeficits.map((c) => COMPETENCE[c]).join(', ')}` } }), 'Наставничество предложено')}>Предложить наставника</Button>]}>
                    <List.Item.Meta title={<Space wrap>{s.mentor.fullName}<Tag color="blue">{Math.round(s.score)} из 100</Tag><span className="muted">свободных мест: {s.freeSlots}</span></Space>}
                      description={<>
                        <div>{`${s.mentor.position ?? ''}, ${s.mentor.subjects.join(', ')} · ${s.mentor.school?.name ?? ''}`}</div>
                        <ul style={{ margin: '4px 0 0', color: 'rgba(0,0,0,0.85)' }}>{s.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                      </>} />
                  </List.Item>
                )} />
              </QueryState>
            </Card>
          )}
          <Modal open={dialog !== null} title={dialog === 'diagnostic' ? 'Диагностика профессиональных дефицитов' : 'Новый ИОМ педагога'} okText="Сохранить"
            cancelText="Отмена" onOk={save} onCancel={() => setDialog(null)} destroyOnHidden width={640}>
            <Form form={form} layout="vertical">
              {dialog === 'diagnostic' && (
                <>
                  <Space>
                    <Form.Item name="date" label="Дата" rules={[{ required: true, message: 'Укажите дату' }]}><DatePicker format="DD.MM.YYYY" /></Form.Item>
                    <Form.Item name="instrument" label="Инструмент" rules={[{ required: true, message: 'Укажите инструмент' }]} style={{ minWidth: 380 }}>
                      <Select options={INSTRUMENTS.map((i) => ({ value: i, label: i }))} />
                    </Form.Item>
                  </Space>
                  <Form.List name="deficits">
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((field, index) => (
                          <Space key={field.key} align="baseline">
                            <Form.Item name={[field.name, 'competence']} rules={[{ required: true, message: 'Выберите компетенцию' }]} style={{ minWidth: 260 }}>
                              <Select placeholder="Компетенция" data-testid={`deficit-competence-${index}`} options={Object.entries(COMPETENCE).map(([value, label]) => ({ value, label }))} />
                            </Form.Item>
                            <Form.Item name={[field.name, 'level']} rules={[{ required: true, message: 'Выберите уровень' }]} style={{ minWidth: 180 }}>
                              <Select placeholder="Уровень" data-testid={`deficit-level-${index}`} options={Object.entries(DEFICIT_LEVEL).map(([value, l]) => ({ value, label: l.label }))} />
                            </Form.Item>
                            <MinusCircleOutlined aria-label="Убрать" onClick={() => remove(field.name)} />
                          </Space>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>Добавить дефицит</Button>
                      </>
                    )}
                  </Form.List>
                  <Input type="hidden" />
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
