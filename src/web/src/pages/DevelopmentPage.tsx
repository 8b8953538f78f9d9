import { Card, Empty, List, Space, Tag, Timeline, Typography } from 'antd';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { QueryState } from '../components/QueryState';
import { TeacherDevelopment } from '../components/TeacherDevelopment';
import { RELATION_STATUS } from '../lib/labels';
import { formatDate } from '../lib/format';

// The mentee's view of their mentoring: meetings with the notes the mentor shared. Private notes are never requested.
const MyDevelopmentQuery = graphql(`
  query MyDevelopment {
    myMentoring {
      me {
        id fullName position subjects school { name }
        deficits { competence competenceLabel level date instrument note }
        plans { id title startDate endDate progress goals { id competence target deadline status doneOn } }
        courses { id title provider hours completedOn }
      }
      myMentors {
        id status startDate goal
        mentor { id fullName position school { name } }
        meetings { id date topic sharedNotes nextSteps }
      }
    }
  }
`);

export default function DevelopmentPage() {
  const [{ data, fetching, error }, reload] = useQuery({ query: MyDevelopmentQuery, requestPolicy: 'cache-and-network' });
  const me = data?.myMentoring.me;
  const mentors = data?.myMentoring.myMentors ?? [];
  return (
    <>
      <Typography.Title level={2} className="page-title">Моё развитие</Typography.Title>
      <QueryState fetching={fetching} error={error} empty={!me} emptyText="Ваша учётная запись не привязана к профилю педагога: обратитесь к администрации школы">
        {me && (
          <>
            <Typography.Paragraph type="secondary">{me.fullName}, {me.position ?? 'педагог'}, {me.school?.name}</Typography.Paragraph>
            <TeacherDevelopment data={me} canEditGoals onChanged={() => reload({ requestPolicy: 'network-only' })} />
            <Card title="Мой наставник" style={{ marginTop: 16 }} data-testid="my-mentor">
              {mentors.length === 0 && <Empty description="Наставник не назначен" />}
              <List dataSource={mentors} renderItem={(r) => (
                <List.Item key={r.id}>
                  <div style={{ width: '100%' }}>
                    <Space wrap><Typography.Text strong>{r.mentor.fullName}</Typography.Text>
                      <span>{r.mentor.position}, {r.mentor.school?.name}</span>
                      <Tag color={RELATION_STATUS[r.status].color}>{RELATION_STATUS[r.status].label}</Tag>
                      <span className="muted">с {formatDate(r.startDate)}</span></Space>
                    {r.goal && <Typography.Paragraph>Цель: {r.goal}</Typography.Paragraph>}
                    <Timeline style={{ marginTop: 12 }} items={r.meetings.map((m) => ({
                      children: (
                        <div data-testid="shared-meeting">
                          <Typography.Text strong>{formatDate(m.date)} — {m.topic}</Typography.Text>
                          {m.sharedNotes && <Typography.Paragraph style={{ marginBottom: 4 }}>{m.sharedNotes}</Typography.Paragraph>}
                          {m.nextSteps.length > 0 && <ul style={{ margin: 0 }}>{m.nextSteps.map((s) => <li key={s}>{s}</li>)}</ul>}
                        </div>
                      ),
                    }))} />
                  </div>
                </List.Item>
              )} />
            </Card>
          </>
        )}
      </QueryState>
    </>
  );
}
