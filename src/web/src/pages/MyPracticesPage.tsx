import { Button, Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { QueryState } from '../components/QueryState';
import { EVIDENCE_LEVEL, PRACTICE_STATUS } from '../lib/labels';
import { formatDateTime } from '../lib/format';

const MyPracticesQuery = graphql(`
  query MyPractices {
    searchPractices(filter: { mine: true }, sort: NEWEST, first: 50) {
      edges { node { id title status rejectionReason updatedAt reviewedAt } }
    }
    myBookmarks { id title evidenceLevel authorSchool { name } }
  }
`);

export default function MyPracticesPage() {
  const [{ data, fetching, error }] = useQuery({ query: MyPracticesQuery, requestPolicy: 'cache-and-network' });
  const mine = data?.searchPractices.edges.map((e) => e.node) ?? [];
  const bookmarks = data?.myBookmarks ?? [];
  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} className="page-title">Мои практики</Typography.Title>
        <Link to="/practices/new"><Button type="primary">Предложить практику</Button></Link>
      </Space>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Card title="Предложенные мной" data-testid="my-practices">
            <QueryState fetching={fetching} error={error} empty={mine.length === 0} emptyText="Вы ещё не предлагали практик">
              <List dataSource={mine} renderItem={(p) => (
                <List.Item key={p.id} data-testid="my-practice">
                  <List.Item.Meta
                    title={<Space><Link to={`/practices/${p.id}`}>{p.title}</Link>
                      <Tag color={PRACTICE_STATUS[p.status].color}>{PRACTICE_STATUS[p.status].label}</Tag></Space>}
                    description={p.status === 'REJECTED' && p.rejectionReason
                      ? <>Комментарий рецензента: {p.rejectionReason}</>
                      : `Изменена ${formatDateTime(p.updatedAt)}`} />
                  {(p.status === 'DRAFT' || p.status === 'REJECTED') && <Link to={`/practices/${p.id}/edit`}>Изменить</Link>}
                </List.Item>
              )} />
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="Закладки" data-testid="bookmarks">
            <QueryState fetching={fetching} error={error} empty={bookmarks.length === 0} emptyText="Закладок пока нет">
              <List dataSource={bookmarks} renderItem={(p) => (
                <List.Item key={p.id}>
                  <List.Item.Meta title={<Link to={`/practices/${p.id}`}>{p.title}</Link>}
                    description={<Space>{p.authorSchool?.name}<Tag color={EVIDENCE_LEVEL[p.evidenceLevel].color}>{EVIDENCE_LEVEL[p.evidenceLevel].label}</Tag></Space>} />
                </List.Item>
              )} />
            </QueryState>
          </Card>
        </Col>
      </Row>
    </>
  );
}
