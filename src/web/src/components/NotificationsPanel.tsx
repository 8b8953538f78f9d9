import { Badge, Button, Empty, List, Popover, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { ErrorAlert } from './ErrorAlert';
import { formatDate } from '../lib/format';

export const NotificationsQuery = graphql(`
  query MyNotifications { myNotifications { id kind title message date link urgent } }
`);

const KIND: Record<string, string> = {
  MENTORING_REMINDER: 'наставничество', OVERDUE_GOAL: 'ИОМ педагога', PRACTICE_REVIEWED: 'практика', PRACTICE_TO_REVIEW: 'рассмотрение',
  PAIR_ACTIVITY: 'сетевая пара',
};

export function NotificationList({ compact }: { compact?: boolean }) {
  const [{ data, error, fetching }] = useQuery({ query: NotificationsQuery, requestPolicy: 'cache-and-network' });
  const items = data?.myNotifications ?? [];
  if (error) return <ErrorAlert error={error} />;
  if (!fetching && items.length === 0) return <div data-ready="true"><Empty description="Нет уведомлений" image={Empty.PRESENTED_IMAGE_SIMPLE} /></div>;
  return (
    <div data-ready={data ? 'true' : 'false'}><List size="small" loading={fetching && items.length === 0} dataSource={compact ? items.slice(0, 8) : items} data-testid="notifications"
      renderItem={(n) => (
        <List.Item key={n.id} data-testid="notification" data-kind={n.kind}>
          <List.Item.Meta
            title={<>{n.urgent && <Tag color="red">важно</Tag>}<Tag>{KIND[n.kind]}</Tag>{n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</>}
            description={<>{n.message}{n.date && <Typography.Text type="secondary"> · {formatDate(n.date)}</Typography.Text>}</>} />
        </List.Item>
      )} /></div>
  );
}

/** The bell in the header: how many things need attention, and the list on click. */
export function NotificationsBell() {
  const [{ data }] = useQuery({ query: NotificationsQuery, requestPolicy: 'cache-and-network' });
  const count = data?.myNotifications.filter((n) => n.urgent).length ?? 0;
  return (
    <Popover trigger="click" placement="bottomRight" title="Уведомления" content={<div style={{ width: 420, maxHeight: 480, overflow: 'auto' }}><NotificationList compact /></div>}>
      <Badge count={count} size="small" offset={[-4, 4]}>
        <Button type="text" icon={<BellOutlined />} aria-label={`Уведомления: ${count}`} data-testid="notifications-bell" />
      </Badge>
    </Popover>
  );
}
