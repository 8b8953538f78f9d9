import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Modal, Row, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { ASSOCIATION_EDITOR_ROLES, hasAnyRole } from '../lib/access';
import { QueryState } from '../components/QueryState';
import { useAction } from '../lib/useAction';
import { formatDate } from '../lib/format';

const AssociationsQuery = graphql(`
  query Associations($regionId: ID!) {
    associations(regionId: $regionId) {
      id kind name level subject municipalityId schoolId memberCount
      members { id fullName }
      events { id date title format }
    }
    myMentoring { me { id } }
  }
`);
const Join = graphql(`mutation JoinAssociation($id: ID!) { joinAssociation(associationId: $id) { id memberCount } }`);
const AddEvent = graphql(`mutation AddAssociationEvent($input: AssociationEventInput!) { addAssociationEvent(input: $input) { id } }`);

const KIND: Record<string, string> = { METHODOLOGICAL_ASSOCIATION: 'Методическое объединение', NETWORK_COMMUNITY: 'Сетевое сообщество' };
const LEVEL: Record<string, string> = { SCHOOL: 'школьное', MUNICIPAL: 'муниципальное', REGIONAL: 'региональное', NETWORK: 'сетевое' };

export default function AssociationsPage() {
  const caller = useCaller();
  const [{ data, fetching, error }, reload] = useQuery({ query: AssociationsQuery, variables: { regionId: caller.regionId ?? '' }, pause: !caller.regionId });
  const [, join] = useMutation(Join);
  const [, addEvent] = useMutation(AddEvent);
  const [eventFor, setEventFor] = useState<string | null>(null);
  const [form] = Form.useForm();
  const me = data?.myMentoring.me;
  // Associations of the caller's territory: the region's own, and those of their municipality or school.
  const list = (data?.associations ?? []).filter((a) => (!a.municipalityId || !caller.municipalityId || a.municipalityId === caller.municipalityId)
    && (!a.schoolId || !caller.schoolId || a.schoolId === caller.schoolId));
  const canAddEvent = hasAnyRole(caller, ASSOCIATION_EDITOR_ROLES);

  const act = useAction(() => {
    setEventFor(null);
    form.resetFields();
    reload({ requestPolicy: 'network-only' });
  });

  return (
    <>
      <Typography.Title level={2} className="page-title">Методические объединения и сообщества</Typography.Title>
      <QueryState fetching={fetching} error={error} empty={list.length === 0} emptyText="На вашей территории объединений нет">
        <Row gutter={[16, 16]}>
          {list.map((a) => {
            const member = !!me && a.members.some((m) => m.id === me.id);
            return (
              <Col xs={24} lg={12} key={a.id}>
                <Card data-testid="association" title={a.name}
                  extra={<Space>
                    {me && !member && <Button onClick={() => act(() => join({ id: a.id }), 'Вы вступили в объединение')}>Вступить</Button>}
                    {member && <Tag color="green">вы участник</Tag>}
                    {canAddEvent && <Button onClick={() => setEventFor(a.id)}>Добавить мероприятие</Button>}
                  </Space>}>
                  <Space wrap style={{ marginBottom: 8 }}><Tag>{KIND[a.kind]}</Tag><Tag>{LEVEL[a.level]}</Tag>{a.subject && <Tag color="blue">{a.subject}</Tag>}
                    <span>участников: {a.memberCount}</span></Space>
                  <Typography.Text strong>Мероприятия</Typography.Text>
                  {a.events.length === 0 ? <div className="muted">пока нет</div> : (
                    <ul style={{ margin: '4px 0 0' }}>{[...a.events].sort((x, y) => y.date.localeCompare(x.date)).map((e) => (
                      <li key={e.id}>{formatDate(e.date)} — {e.title}{e.format ? ` (${e.format})` : ''}</li>))}</ul>
                  )}
                  <details style={{ marginTop: 8 }}><summary>Участники</summary>{a.members.map((m) => m.fullName).join(', ') || '—'}</details>
                </Card>
              </Col>
            );
          })}
        </Row>
      </QueryState>
      <Modal open={eventFor !== null} title="Новое мероприятие" okText="Добавить" cancelText="Отмена" destroyOnHidden onCancel={() => setEventFor(null)}
        onOk={async () => { const v = await form.validateFields(); await act(() => addEvent({ input: { associationId: eventFor!, date: v.date.format('YYYY-MM-DD'), title: v.title, format: v.format } }), 'Мероприятие добавлено'); }}>
        <Form form={form} layout="vertical">
          <Form.Item name="date" label="Дата" rules={[{ required: true, message: 'Укажите дату' }]}><DatePicker format="DD.MM.YYYY" /></Form.Item>
          <Form.Item name="title" label="Название" rules={[{ required: true, whitespace: true, message: 'Укажите название' }]}><Input /></Form.Item>
          <Form.Item name="format" label="Формат"><Input placeholder="очно, онлайн" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
