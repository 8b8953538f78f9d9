import { useEffect } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PracticeInput } from '../gql/graphql';
import { toUserError } from '../lib/errors';
import { fieldError } from '../lib/highlight';
import { GRADES } from '../lib/labels';
import { ErrorAlert } from '../components/ErrorAlert';

const FormQuery = graphql(`
  query PracticeForm($id: ID!, $load: Boolean!) {
    practiceVocabulary { subjects { code label } riskFactors { code label } levels { code label } }
    practice(id: $id) @include(if: $load) {
      id title summary description subjects grades level riskFactors authors resources evidenceSummary status version rejectionReason
    }
  }
`);
const Create = graphql(`mutation CreatePracticeDraft($input: PracticeInput!) { createPractice(input: $input) { id version } }`);
const Update = graphql(`mutation UpdatePracticeDraft($id: ID!, $input: PracticeInput!, $v: Int) { updatePractice(id: $id, input: $input, expectedVersion: $v) { id version } }`);
const SubmitDraft = graphql(`mutation SubmitPracticeDraft($id: ID!) { submitPractice(id: $id) { id status } }`);

interface Values {
  title: string; summary?: string; description?: string; subjects?: string[]; grades?: number[]; level?: string;
  riskFactors?: string[]; authors?: string; resources?: string; evidenceSummary?: string;
}

/** Fields the review needs (the API's completeness rules), checked next to each field before submitting. */
const SUBMIT_RULES: Record<string, { check: (v: Values) => boolean; message: string }> = {
  summary: { check: (v) => !!v.summary?.trim(), message: 'Нужно краткое описание' },
  description: { check: (v) => (v.description?.trim().length ?? 0) >= 100, message: 'Полное описание — не короче 100 символов' },
  subjects: { check: (v) => (v.subjects?.length ?? 0) > 0, message: 'Укажите предметы или направления' },
  grades: { check: (v) => (v.grades?.length ?? 0) > 0, message: 'Укажите классы' },
  riskFactors: { check: (v) => (v.riskFactors?.length ?? 0) > 0, message: 'Укажите факторы риска, на которые направлена практика' },
  authors: { check: (v) => !!v.authors?.trim(), message: 'Укажите авторов' },
};

export default function PracticeFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [{ data, error }] = useQuery({ query: FormQuery, variables: { id: id ?? '', load: !!id }, requestPolicy: 'network-only' });
  const [, create] = useMutation(Create);
  const [, update] = useMutation(Update);
  const [, submit] = useMutation(SubmitDraft);
  const practice = data?.practice;
  const vocabulary = data?.practiceVocabulary;

  useEffect(() => {
    if (practice) form.setFieldsValue({ ...practice, summary: practice.summary ?? undefined, description: practice.description ?? undefined,
      resources: practice.resources ?? undefined, evidenceSummary: practice.evidenceSummary ?? undefined, authors: practice.authors.join(', ') });
  }, [practice, form]);

  const showServerError = (e: unknown) => {
    const user = toUserError(e as never);
    const field = fieldError(user?.detail);
    if (field) form.setFields([{ name: field.field as keyof Values, errors: [field.reason] }]);
    else message.error(user?.detail ?? user?.title);
  };

  const save = async (andSubmit: boolean) => {
    const values = await form.validateFields();
    if (andSubmit) {
      const missing = Object.entries(SUBMIT_RULES).filter(([, rule]) => !rule.check(values));
      if (missing.length) {
        form.setFields(missing.map(([name, rule]) => ({ name: name as keyof Values, errors: [rule.message] })));
        message.warning('Заполните отмеченные поля, чтобы отправить практику на рассмотрение');
        return;
      }
    }
    const input: PracticeInput = {
      title: values.title, summary: values.summary, description: values.description, subjects: values.subjects as PracticeInput['subjects'],
      grades: values.grades, level: (values.level ?? 'SCHOOL') as PracticeInput['level'], riskFactors: values.riskFactors as PracticeInput['riskFactors'],
      authors: (values.authors ?? '').split(',').map((a) => a.trim()).filter(Boolean), resources: values.resources, evidenceSummary: values.evidenceSummary,
    };
    const saved = id ? await update({ id, input, v: practice?.version }) : await create({ input });
    if (saved.error) { showServerError(saved.error); return; }
    const practiceId = id ?? (saved.data as { createPractice?: { id: string } }).createPractice!.id;
    if (andSubmit) {
      const sent = await submit({ id: practiceId });
      if (sent.error) { showServerError(sent.error); navigate(`/practices/${practiceId}/edit`); return; }
      message.success('Практика отправлена на рассмотрение');
    } else {
      message.success('Черновик сохранён');
    }
    navigate(`/practices/${practiceId}`);
  };

  const terms = (list?: { code: string; label: string }[]) => (list ?? []).map((t) => ({ value: t.code, label: t.label }));

  return (
    <>
      <Typography.Title level={2} className="page-title">{id ? 'Изменить практику' : 'Предложить практику'}</Typography.Title>
      <ErrorAlert error={error} />
      {practice?.status === 'REJECTED' && practice.rejectionReason && (
        <Card size="small" style={{ marginBottom: 16, borderColor: '#ffa39e' }}>
          <Typography.Text strong>Комментарий рецензента: </Typography.Text>{practice.rejectionReason}
        </Card>
      )}
      <Card>
        <Form form={form} layout="vertical" initialValues={{ level: 'SCHOOL' }} style={{ maxWidth: 860 }}>
          <Form.Item name="title" label="Название" rules={[{ required: true, whitespace: true, message: 'Укажите название' }, { max: 200, message: 'Не длиннее 200 символов' }]}>
            <Input data-testid="field-title" />
          </Form.Item>
          <Form.Item name="summary" label="Краткое описание" rules={[{ max: 2000, message: 'Не длиннее 2000 символов' }]}>
            <Input.TextArea rows={2} data-testid="field-summary" />
          </Form.Item>
          <Form.Item name="description" label="Полное описание: что делается, кем и как часто" extra="Для рассмотрения — не короче 100 символов">
            <Input.TextArea rows={6} data-testid="field-description" />
          </Form.Item>
          <Space wrap size="large" style={{ width: '100%' }} align="start">
            <Form.Item name="subjects" label="Предметы, направления" style={{ minWidth: 300 }}>
              <Select mode="multiple" options={terms(vocabulary?.subjects)} data-testid="field-subjects" optionFilterProp="label" />
            </Form.Item>
            <Form.Item name="grades" label="Классы" style={{ minWidth: 220 }}>
              <Select mode="multiple" options={GRADES.map((g) => ({ value: g, label: `${g} класс` }))} data-testid="field-grades" />
            </Form.Item>
            <Form.Item name="level" label="Уровень" style={{ minWidth: 200 }}>
              <Select options={terms(vocabulary?.levels)} />
            </Form.Item>
          </Space>
          <Form.Item name="riskFactors" label="Факторы риска, на которые направлена практика">
            <Select mode="multiple" options={terms(vocabulary?.riskFactors)} data-testid="field-riskFactors" optionFilterProp="label" />
          </Form.Item>
          <Form.Item name="authors" label="Авторы (через запятую)">
            <Input data-testid="field-authors" />
          </Form.Item>
          <Form.Item name="resources" label="Необходимые ресурсы"><Input.TextArea rows={2} /></Form.Item>
          <Form.Item name="evidenceSummary" label="Что изменилось (словами)"><Input.TextArea rows={2} data-testid="field-evidenceSummary" /></Form.Item>
          <Space>
            <Button onClick={() => save(false)} data-testid="save-draft">Сохранить черновик</Button>
            <Button type="primary" onClick={() => save(true)} data-testid="submit-practice">Отправить на рассмотрение</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
