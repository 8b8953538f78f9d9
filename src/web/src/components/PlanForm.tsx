import { DatePicker, Form, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { graphql } from '../gql';
import { COMPETENCE } from '../lib/labels';

// A new ИОМ педагога with its first goal: the same dialog on the relation page (mentor) and the teacher page (school).
// The mutation's input is built by planInput (lib/plan.ts).

export const CreatePlan = graphql(`
  mutation CreatePlan($input: PlanInput!) { createIndividualPlan(input: $input) { id } }
`);

/** The form's fields (inside the page's own Form). */
export function PlanFormFields() {
  return (
    <>
      <Form.Item name="title" label="Название" initialValue={`ИОМ педагога ${dayjs().year()}/${dayjs().year() + 1}`}
        rules={[{ required: true, message: 'Укажите название' }]}><Input /></Form.Item>
      <Form.Item name="competence" label="Компетенция первой цели" rules={[{ required: true, message: 'Выберите компетенцию' }]}>
        <Select options={Object.entries(COMPETENCE).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="target" label="Цель" rules={[{ required: true, whitespace: true, message: 'Опишите цель' }]}><Input /></Form.Item>
      <Form.Item name="deadline" label="Срок" rules={[{ required: true, message: 'Укажите срок' }]}><DatePicker format="DD.MM.YYYY" /></Form.Item>
    </>
  );
}
