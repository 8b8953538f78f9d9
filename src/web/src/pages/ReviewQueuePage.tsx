import { useState } from 'react';
import { App, Button, Card, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { QueryState } from '../components/QueryState';
import { toUserError } from '../lib/errors';
import { formatDateTime } from '../lib/format';
import { ApproveMutation, RejectMutation } from './PracticePage';

const QueueQuery = graphql(`
  query ReviewQueue {
    searchPractices(filter: { statuses: [SUBMITTED] }, sort: NEWEST, first: 50) {
      totalCount
      edges { node { id title summary createdBy submittedAt authorSchool { name municipalityName } } }
    }
  }
`);

export default function ReviewQueuePage() {
  const caller = useCaller();
  const { message } = App.useApp();
  const [{ data, fetching, error }, reload] = useQuery({ query: QueueQuery, requestPolicy: 'network-only' });
  const [, approve] = useMutation(ApproveMutation);
  const [, reject] = useMutation(RejectMutation);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [done, setDone] = useState<string[]>([]);
  // The caller's own submissions show in search too; nobody reviews their own practice.
  const queue = (data?.searchPractices.edges.map((e) => e.node) ?? []).filter((p) => p.createdBy !== caller.username && !done.includes(p.id));

  const act = async (id: string, action: () => Promise<{ error?: unknown }>, text: string) => {
    const r = await action();
    if (r.error) { const e = toUserError(r.error as never); message.error(e?.detail ?? e?.title); return; }
    message.success(text);
    setDone((d) => [...d, id]);
    setRejecting(null);
    form.resetFields();
    // The search index follows the database within a moment; the queue is read again then.
    window.setTimeout(() => reload({ requestPolicy: 'network-only' }), 1500);
  };

  return (
    <>
      <Typography.Title level={2} className="page-title">Рассмотрение практик</Typography.Title>
      <Card data-testid="review-queue">
        <QueryState fetching={fetching} error={error} empty={queue.length === 0} emptyText="Нет практик, ожидающих решения">
          <List dataSource={queue} renderItem={(p) => (
            <List.Item key={p.id} data-testid="queue-item" actions={[
              <Button key="a" type="primary" onClick={() => act(p.id, () => approve({ id: p.id }), 'Практика одобрена и опубликована')}>Одобрить</Button>,
              <Button key="r" danger onClick={() => setRejecting(p.id)}>Отклонить</Button>,
            ]}>
              <List.Item.Meta title={<Space><Link to={`/practices/${p.id}`}>{p.title}</Link><Tag color="processing">На рассмотрении</Tag></Space>}
                description={`${p.authorSchool?.name ?? ''}${p.authorSchool?.municipalityName ? `, ${p.authorSchool.municipalityName}` : ''} · отправлена ${formatDateTime(p.submittedAt)}`} />
              {p.summary}
            </List.Item>
          )} />
        </QueryState>
      </Card>
      <Modal open={rejecting !== null} title="Отклонить практику" okText="Отклонить" cancelText="Отмена" destroyOnHidden
        onCancel={() => setRejecting(null)}
        onOk={async () => { const v = await form.validateFields(); await act(rejecting!, () => reject({ id: rejecting!, reason: v.reason }), 'Практика отклонена, автор увидит причину'); }}>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label="Причина отклонения (её увидит автор)" rules={[{ required: true, min: 5, message: 'Укажите причину (не короче 5 символов)' }]}>
            <Input.TextArea rows={3} data-testid="reject-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
