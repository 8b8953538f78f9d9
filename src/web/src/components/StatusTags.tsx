import { Space, Tag } from 'antd';
import { STATUS_COLORS, statusLabel, type SchoolStatusName } from '../lib/status';

export function StatusTags({ statuses }: { statuses: readonly string[] }) {
  if (statuses.length === 0) return <span className="muted">без статуса</span>;
  return (
    <Space size={4} wrap>
      {statuses.map((s) => (
        <Tag key={s} color={STATUS_COLORS[s as SchoolStatusName] ?? 'default'}>{statusLabel(s)}</Tag>
      ))}
    </Space>
  );
}
