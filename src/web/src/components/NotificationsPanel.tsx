import { Badge, Button, Empty, List, Popover, Space, Tag, Typography } from 'antd';
import { BellOutlined, CheckOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorAlert } from './ErrorAlert';
import { formatDate } from '../lib/format';

// The caller's stored notifications (notificationInbox): kept until marked read, e-mailed when SMTP is configured.
export const NotificationInboxQuery = graphql(`
  query NotificationInbox($first: Int) {
    notificationInbox(first: $first) { unreadCount totalCount items { id kind title message date link urgent createdAt read } }
  }
`);
const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) { markNotificationsRead(ids: $ids) }
`);
const MarkAllReadMutation = graphql(`
  mutation MarkAllNotificationsRead { markAllNotificationsRead }
`);

const KIND: Record<string, string> = {
  MENTORING_REMINDER: 'наставничество', OVERDUE_GOAL: 'ИОМ педагога', PRACTICE_REVIEWED: 'практика', PRACTICE_TO_REVIEW: 'рассмотрение',
  PAIR_ACTIVITY: 'сетевая пара', CALENDAR_REMINDER: 'календарь мониторинга', CALENDAR_OVERDUE: 'календарь мониторинга',
  PROGRAMME_MEASURE_OVERDUE: 'программа школы', RECOMMENDATION_DUE: 'рекомендация',
};
// The bell and the start page share one cached query: marking read updates both.
const CONTEXT = { additionalTypenames: ['StoredNotification'] };

function useInbox(first: number) {
  return useQuery({ query: NotificationInboxQuery, variables: { first }, requestPolicy: 'cache-and-network', context: CONTEXT });
}

export function NotificationList({ compact }: { compact?: boolean }) {
  const [{ data, error, fetching }, reload] = useInbox(compact ? 10 : 30);
  const [, markRead] = useMutation(MarkReadMutation);
  const [, markAllRead] = useMutation(MarkAllReadMutation);
  const inbox = data?.notificationInbox;
  const items = inbox?.items ?? [];
  const refresh = () => reload({ requestPolicy: 'network-only' });
  if (error) return <ErrorAlert error={error} />;
  if (!fetching && items.length === 0) return <div data-ready="true"><Empty description="Нет уведомлений" image={Empty.PRESENTED_IMAGE_SIMPLE} /></div>;
  return (
    <div data-ready={data ? 'true' : 'false'}>
      {(inbox?.unreadCount ?? 0) > 0 && (
        <Space style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">Непрочитанных: {inbox?.unreadCount}</Typography.Text>
          <Button size="small" data-testid="notifications-read-all"
            onClick={async () => { await markAllRead({}, CONTEXT); refresh(); }}>Отметить все прочитанными</Button>
        </Space>
      )}
      <List size="small" loading={fetching && items.length === 0} dataSource={items} data-testid="notifications"
        renderItem={(n) => (
          <List.Item key={n.id} data-testid="notification" data-kind={n.kind} data-read={n.read ? 'true' : 'false'}
            className={n.read ? 'notification-read' : 'notification-unread'}
            actions={n.read ? [<Typography.Text key="read" type="secondary"><CheckOutlined /> прочитано</Typography.Text>]
              : [<Button key="read" size="small" type="link" data-testid="notification-mark-read"
                  onClick={async () => { await markRead({ ids: [n.id] }, CONTEXT); refresh(); }}>Прочитано</Button>]}>
            <List.Item.Meta
              title={<>{n.urgent && <Tag color="red">важно</Tag>}<Tag>{KIND[n.kind] ?? n.kind}</Tag>
                <span style={{ fontWeight: n.read ? 'normal' : 600 }}>{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</span></>}
              description={<>{n.message}{n.date && <Typography.Text type="secondary"> · {formatDate(n.date)}</Typography.Text>}</>} />
          </List.Item>
        )} />
    </div>
  );
}

/** The bell in the header: how many notifications are unread, and the list with read marks on click. */
export function NotificationsBell() {
  const [{ data }] = useInbox(10);
  const count = data?.notificationInbox.unreadCount ?? 0;
  return (
    <Popover trigger="click" placement="bottomRight" title="Уведомления" content={<div style={{ width: 460, maxHeight: 520, overflow: 'auto' }} data-testid="notifications-popover"><NotificationList compact /></div>}>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={`Уведомления: ${count}`} data-testid="notifications-bell" />
      </Badge>
    </Popover>
  );
}
