import { App, Button, Card, Col, Empty, List, Progress, Row, Space, Table, Tag, Typography } from 'antd';
import { useMutation } from 'urql';
import { graphql } from '../gql';
import { COMPETENCE, DEFICIT_LEVEL, GOAL_STATUS } from '../lib/labels';
import { formatDate } from '../lib/format';
import { toUserError } from '../lib/errors';

export const SetGoalStatus = graphql(`
  mutation SetGoalStatus($goalId: ID!, $status: GoalStatus!) { setGoalStatus(goalId: $goalId, status: $status) { id status doneOn } }
`);

export interface Development {
  deficits: { competence: string; competenceLabel: string; level: string; date: string; instrument: string; note?: string | null }[];
  plans: { id: string; title: string; startDate: string; endDate?: string | null; progress?: number | null;
    goals: { id: string; competence: string; target: string; deadline: string; status: string; doneOn?: string | null }[] }[];
  courses: { id: string; title: string; provider?: string | null; hours?: number | null; completedOn: string }[];
}

const today = () => new Date().toISOString().slice(0, 10);

/** Deficits, ИОМ goals (with marking done) and courses of one teacher: shared by the teacher's, mentor's and school's pages. */
export function TeacherDevelopment({ data, onChanged, canEditGoals }: { data: Development; onChanged: () => void; canEditGoals: boolean }) {
  const { message } = App.useApp();
  const [, setStatus] = useMutation(SetGoalStatus);
  const change = async (goalId: string, status: string) => {
    const r = await setStatus({ goalId, status: status as never });
    if (r.error) { const e = toUserError(r.error); message.error(e?.detail ?? e?.title); return; }
    message.success('Цель обновлена');
    onChanged();
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card title="Дефициты по последней диагностике" data-testid="deficits">
          {data.deficits.length === 0 ? <Empty description="Дефицитов не выявлено или диагностики не было" /> : (
            <List size="small" dataSource={data.deficits} renderItem={(d) => (
              <List.Item key={d.competence}>
                <Space direction="vertical" size={0}>
                  <Space><Typography.Text strong>{d.competenceLabel}</Typography.Text>
                    <Tag color={DEFICIT_LEVEL[d.level]?.color}>{DEFICIT_LEVEL[d.level]?.label}</Tag></Space>
                  <Typography.Text type="secondary">{d.instrument}, {formatDate(d.date)}</Typography.Text>
                </Space>
              </List.Item>
            )} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card title="Индивидуальный образовательный маршрут педагога (ИОМ педагога)" data-testid="plans">
          {data.plans.length === 0 && <Empty description="ИОМ педагога ещё не составлен" />}
          {data.plans.map((plan) => (
            <div key={plan.id} style={{ marginBottom: 16 }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{plan.title}</Typography.Text>
                <Typography.Text type="secondary">{formatDate(plan.startDate)} — {formatDate(plan.endDate)}</Typography.Text>
              </Space>
              <Progress percent={Math.round((plan.progress ?? 0) * 100)} size="small" aria-label="Выполнение ИОМ педагога" />
              <Table size="small" rowKey="id" pagination={false} dataSource={plan.goals}
                rowClassName={(g) => (g.deadline < today() && g.status !== 'DONE' && g.status !== 'CANCELLED' ? 'row-overdue' : '')}
                columns={[
                  { title: 'Цель', render: (_, g) => <>{g.target}<br /><Typography.Text type="secondary">{COMPETENCE[g.competence]}</Typography.Text></> },
                  { title: 'Срок', render: (_, g) => formatDate(g.deadline) },
                  { title: 'Статус', render: (_, g) => <Tag data-testid={`goal-status-${g.id}`} color={GOAL_STATUS[g.status].color}>{GOAL_STATUS[g.status].label}{g.doneOn ? ` ${formatDate(g.doneOn)}` : ''}</Tag> },
                  ...(canEditGoals ? [{ title: '', render: (_: unknown, g: Development['plans'][number]['goals'][number]) => (
                    <Space size={4}>
                      {g.status === 'PLANNED' && <Button size="small" onClick={() => change(g.id, 'IN_PROGRESS')}>В работу</Button>}
                      {g.status !== 'DONE' && g.status !== 'CANCELLED' && <Button size="small" type="primary" onClick={() => change(g.id, 'DONE')}>Выполнена</Button>}
                    </Space>) }] : []),
                ]} />
            </div>
          ))}
        </Card>
      </Col>
      <Col span={24}>
        <Card title="Курсы повышения квалификации" data-testid="courses">
          <Table size="small" rowKey="id" pagination={false} dataSource={data.courses} locale={{ emptyText: 'Курсов пока нет' }}
            columns={[
              { title: 'Курс', dataIndex: 'title' },
              { title: 'Организация', render: (_, c) => c.provider ?? '—' },
              { title: 'Часов', render: (_, c) => c.hours ?? '—' },
              { title: 'Окончен', render: (_, c) => formatDate(c.completedOn) },
            ]} />
        </Card>
      </Col>
    </Row>
  );
}
