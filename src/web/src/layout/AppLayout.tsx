import type { ReactNode } from 'react';
import { Button, Layout, Menu, Space, Typography, type MenuProps } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { useCaller } from '../auth/CallerContext';
import { navigationFor, type NavItem } from '../lib/access';
import { NotificationsBell } from '../components/NotificationsPanel';

const { Header, Sider, Content } = Layout;

const ROLE_LABELS: Record<string, string> = {
  ADMIN: 'администратор', REGIONAL_COORDINATOR: 'региональный координатор', MUNICIPAL_COORDINATOR: 'муниципальный координатор',
  CURATOR: 'куратор', SCHOOL_ADMIN: 'администрация школы', METHODIST: 'методист', MENTOR: 'наставник', TEACHER: 'учитель',
};

/** Top-level items in order; grouped items under their group's title, the group placed where its first item is. */
function menuItems(items: NavItem[]) {
  const result: NonNullable<MenuProps['items']> = [];
  const groups = new Map<string, { key: string; label: ReactNode }[]>();
  for (const i of items) {
    const entry = { key: i.key, label: <Link to={i.path}>{i.label}</Link> };
    if (!i.group) { result.push(entry); continue; }
    if (!groups.has(i.group)) {
      const children: { key: string; label: ReactNode }[] = [];
      groups.set(i.group, children);
      result.push({ type: 'group', key: `group-${i.group}`, label: i.group, children });
    }
    groups.get(i.group)!.push(entry);
  }
  return result;
}

export function AppLayout({ children }: { children: ReactNode }) {
  const caller = useCaller();
  const { signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const items = navigationFor(caller);
  // A path matches itself and its sub-paths (/monitoring/…), not a sibling sharing its prefix (/monitoring-targets);
  // of several matches the longest wins (/monitoring/calendar is the calendar, not the dashboards).
  const selected = items
    .filter((i) => (i.path === '/' ? location.pathname === '/'
      : location.pathname === i.path || location.pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)
    .slice(0, 1)
    .map((i) => i.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={220} breakpoint="lg" collapsedWidth={0}>
        <div className="app-logo">Опора</div>
        <nav aria-label="Разделы">
          <Menu theme="dark" mode="inline" selectedKeys={selected} items={menuItems(items)} />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', alignItems: 'center' }}>
          <Space size="middle">
            <NotificationsBell />
            <UserOutlined aria-hidden />
            <Typography.Text data-testid="caller-name">{caller.displayName ?? caller.username}</Typography.Text>
            <Typography.Text type="secondary">{caller.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</Typography.Text>
            <Button icon={<LogoutOutlined />} onClick={() => { signOut(); navigate('/signin'); }}>Выйти</Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          {children}
        </Content>
      </Layout>
    </Layout>
  );
}
