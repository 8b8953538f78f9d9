import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Progress, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { QueryState } from '../components/QueryState';
import { ProposeMentoringDialog } from '../components/ProposeMentoringDialog';
import { DEFICIT_LEVEL, RELATION_STATUS } from '../lib/labels';
import { formatDate } from '../lib/format';

export const STALE_WEEKS = 4;

const WorkspaceQuery = graphql(`
  query MentorWorkspace($staleWeeks: Int) {
    myMentoring(staleWeeks: $staleWeeks) {
      me { id fullName }
      mentees {
        relation { id status startDate }
        mentee { id fullName position subjects school { name } }
        deficits { competence competenceLabel level }
        goalsTotal goalsDone planProgress
        overdueGoals { id target deadline }
        lastMeeting { date topic }
        daysSinceContact stale
      }
      reminders { relation { id mentee { fullName } } weeksWithoutMeeting message }
    }
  }
`);

export default function MentorPage() {
  const [{ data, fetching, error }, reload] = useQuery({ query: WorkspaceQuery, variables: { staleWeeks: STALE_WEEKS }, requestPolicy: 'cache-and-network' });
  const [proposing, setProposing] = useState(false);
  const ws = data?.myMentoring;
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} align="center">
        <Typography.Title level={2} className="page-title">Наставничество</Typography.Title>
        {ws?.me && <Button type="primary" data-testid="propose-mentoring" onClick={() => setProposing(true)}>Предложить наставничество</Button>}
      </Space>
      {ws?.me && (
        <ProposeMentoringDialog mentorId={ws.me.id} exclude={[ws.me.id, ...ws.mentees.flatMap((c) => (c.mentee ? [c.mentee.id] : []))]}
          open={proposing} onClose={() => setProposing(false)}
          onProposed={() => { setProposing(false); reload({ requestPolicy: 'network-only' }); }} />
      )}
      {ws && ws.reminders.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="reminders"
          message={`Нет встреч больше ${STALE_WEEKS} недель: ${ws.reminders.length}`}
          description={<ul style={{ margin: 0 }}>{ws.reminders.map((r) => (
            <li key={r.relation.id}><Link to={`/mentoring/${r.relation.id}`}>{r.relation.mentee?.fullName ?? 'наставляемый'}</Link>: {r.message}</li>
          ))}</ul>} />
      )}
      <QueryState fetching={fetching} error={error} empty={!ws || ws.mentees.length === 0}
        emptyText={ws?.me ? 'У вас нет наставляемых' : 'Учётная запись не привязана к профилю педагога'}>
        <Row gutter={[16, 16]} data-testid="mentees">
          {ws?.mentees.map((card) => (
            <Col xs={24} md={12} xl={8} key={card.relation.id}>
              <Card data-testid="mentee-card" data-status={card.relation.status} title={<Link to={`/mentoring/${card.relation.id}`}>{card.mentee?.fullName ?? 'Школа'}</Link>}
                extra={<Tag color={RELATION_STATUS[card.relation.status].color}>{RELATION_STATUS[card.relation.status].label}</Tag>}>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  {card.mentee?.position}, {card.mentee?.subjects.join(', ')} · {card.mentee?.school?.name}
                </Typography.Paragraph>
                <Space wrap size={4} style={{ marginBottom: 8 }}>
                  {card.deficits.length === 0 ? <span className="muted">дефицитов нет</span> : card.deficits.map((d) => (
                    <Tag key={d.competence} color={DEFICIT_LEVEL[d.level]?.color}>{d.competenceLabel}</Tag>))}
                </Space>
                <div>ИОМ педагога: {card.goalsDone} из {card.goalsTotal} {card.goalsTotal % 10 === 1 && card.goalsTotal % 100 !== 11 ? 'цели' : 'целей'} выполнено</div>
                <Progress percent={Math.round((card.planProgress ?? 0) * 100)} size="small" />
                <div>Последняя встреча: {card.lastMeeting ? `${formatDate(card.lastMeeting.date)}, ${card.lastMeeting.topic}` : 'не было'}
                  {card.stale && <Tag color="red" style={{ marginLeft: 8 }}>{card.daysSinceContact} дн. без встреч</Tag>}</div>
                {card.overdueGoals.length > 0 && (
                  <div style={{ marginTop: 8 }}><Typography.Text type="danger">Просрочено: </Typography.Text>
                    {card.overdueGoals.map((g) => `${g.target} (до ${formatDate(g.deadline)})`).join('; ')}</div>
                )}
              </Card>
            </Col>
          ))}
          {ws && ws.mentees.length === 0 && <Empty />}
        </Row>
      </QueryState>
    </>
  );
}
