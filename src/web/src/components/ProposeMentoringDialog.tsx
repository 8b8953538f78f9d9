import { useState } from 'react';
import { DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MentoringKind } from '../gql/graphql';
import { useCaller } from '../auth/CallerContext';
import { useAction } from '../lib/useAction';
import { MENTORING_KIND } from '../lib/labels';

export const ProposeMentoring = graphql(`
  mutation ProposeMentoring($input: MentoringInput!) { proposeMentoring(input: $input) { id status } }
`);

// Schools of the mentor's territory, searched by name (only when the territory is wider than one school).
const TerritorySchools = graphql(`
  query MentorTerritorySchools($filter: SchoolFilter) {
    schools(filter: $filter, first: 50) { edges { node { id name } } }
  }
`);

const SchoolTeachers = graphql(`
  query MentorSchoolTeachers($schoolId: ID!) {
    school(id: $schoolId) { id teachers { id fullName position subjects } }
  }
`);

interface Values {
  schoolId: string;
  menteeTeacherId: string;
  kind: MentoringKind;
  goal: string;
  startDate: Dayjs;
  plannedEndDate?: Dayjs;
}

// A mentor proposes themself for a teacher (a school is mentored through the school's administration instead).
const KINDS: MentoringKind[] = ['TEACHER_TEACHER', 'DIRECTOR_DIRECTOR', 'TUTOR'];

/**
 * A mentor proposes a new mentoring relation with themself as the mentor, for a teacher of their territory. It starts
 * PENDING: the mentee's school administration or a coordinator starts it.
 */
export function ProposeMentoringDialog({ mentorId, exclude, open, onClose, onProposed }: {
  mentorId: string;
  /** Teachers not to offer: the mentor and their current mentees. */
  exclude: string[];
  open: boolean;
  onClose: () => void;
  onProposed: () => void;
}) {
  const caller = useCaller();
  const [form] = Form.useForm<Values>();
  const [schoolSearch, setSchoolSearch] = useState('');
  const fixedSchool = caller.schoolId ?? null;
  const schoolId = Form.useWatch('schoolId', form) ?? fixedSchool;
  const [schools] = useQuery({ query: TerritorySchools, pause: !open || !!fixedSchool,
    variables: { filter: { regionId: caller.regionId, municipalityId: caller.municipalityId, nameContains: schoolSearch || null } } });
  const [teachers] = useQuery({ query: SchoolTeachers, variables: { schoolId: schoolId ?? '' }, pause: !open || !schoolId });
  const [, propose] = useMutation(ProposeMentoring);
  const act = useAction(() => { form.resetFields(); onProposed(); });

  const candidates = (teachers.data?.school?.teachers ?? []).filter((t) => !exclude.includes(t.id));

  const save = async () => {
    const v = await form.validateFields();
    await act(() => propose({ input: { kind: v.kind, mentorId, menteeTeacherId: v.menteeTeacherId, goal: v.goal.trim(),
      startDate: v.startDate.format('YYYY-MM-DD'), plannedEndDate: v.plannedEndDate?.format('YYYY-MM-DD') } }), 'Наставничество предложено');
  };

  return (
    <Modal open={open} title="Предложить наставничество" okText="Предложить" cancelText="Отмена" onOk={save} onCancel={onClose}
      destroyOnHidden width={600}>
      <Form form={form} layout="vertical" preserve={false}
        initialValues={{ kind: 'TEACHER_TEACHER', startDate: dayjs(), plannedEndDate: dayjs().add(1, 'year'), schoolId: fixedSchool ?? undefined }}>
        {!fixedSchool && (
          <Form.Item name="schoolId" label="Школа наставляемого" rules={[{ required: true, message: 'Выберите школу' }]}>
            <Select showSearch filterOption={false} onSearch={setSchoolSearch} loading={schools.fetching} data-testid="propose-school"
              placeholder="Начните вводить название" onChange={() => form.setFieldValue('menteeTeacherId', undefined)}
              options={(schools.data?.schools.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
          </Form.Item>
        )}
        <Form.Item name="menteeTeacherId" label="Наставляемый педагог" rules={[{ required: true, message: 'Выберите педагога' }]}
          extra="Педагоги школы вашей территории">
          <Select showSearch optionFilterProp="label" loading={teachers.fetching} data-testid="propose-mentee"
            notFoundContent={schoolId ? 'Нет педагогов' : 'Сначала выберите школу'}
            options={candidates.map((t) => ({ value: t.id,
              label: `${t.fullName}${t.position ? `, ${t.position}` : ''}${t.subjects.length ? ` (${t.subjects.join(', ')})` : ''}` }))} />
        </Form.Item>
        <Form.Item name="kind" label="Форма наставничества" rules={[{ required: true, message: 'Выберите форму' }]}>
          <Select data-testid="propose-kind" options={KINDS.map((k) => ({ value: k, label: MENTORING_KIND[k] }))} />
        </Form.Item>
        <Form.Item name="goal" label="Цель наставничества"
          rules={[{ required: true, whitespace: true, message: 'Опишите цель наставничества' }, { max: 2000, message: 'Не длиннее 2000 символов' }]}>
          <Input.TextArea rows={2} data-testid="propose-goal" placeholder="Например: освоить формирующее оценивание на уроках математики" />
        </Form.Item>
        <Form.Item name="startDate" label="Начало" rules={[{ required: true, message: 'Укажите дату начала' }]} style={{ display: 'inline-block', marginRight: 16 }}>
          <DatePicker format="DD.MM.YYYY" data-testid="propose-start" />
        </Form.Item>
        <Form.Item name="plannedEndDate" label="Плановое окончание" dependencies={['startDate']} style={{ display: 'inline-block' }}
          rules={[({ getFieldValue }) => ({ validator: (_, end?: Dayjs) => (!end || !getFieldValue('startDate') || end.isAfter(getFieldValue('startDate'))
            ? Promise.resolve() : Promise.reject(new Error('Окончание должно быть позже начала'))) })]}>
          <DatePicker format="DD.MM.YYYY" data-testid="propose-end" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
