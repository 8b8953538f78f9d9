import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useTerritory } from '../lib/useTerritory';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, formatInt, formatNumber } from '../lib/format';
import { PAIR_STATUS_COLORS, PAIR_STATUS_LABELS } from '../lib/status';
import type { PairStatus } from '../gql/graphql';

const PairsQuery = graphql(`
  query Pairs($regionId: ID!, $filter: NetworkPairFilter, $after: String) {
    networkPairs(regionId: $regionId, filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status score createdAt agreementDate startDate
        mentee { id name municipalityId } leader { id name municipalityId } } }
    }
  }
`);

export default function PairsPage() {
  const territory = useTerritory();
  const [statuses, setStatuses] = useState<PairStatus[]>([]);
  const [municipality, setMunicipality] = useState<string | undefined>();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filter = { statuses: statuses.length ? statuses : undefined, municipalityId: territory.municipalityId ?? municipality };
  const [{ data, fetching, error }] = useQuery({
    query: PairsQuery, pause: !territory.regionId,
    variables: { regionId: territory.regionId ?? '', filter, after: cursors[cursors.length - 1] },
  });
  const rows = data?.networkPairs.edges.map((e) => e.node) ?? [];
  return (
    <>
      <Typography.Title level={2} className="page-title">Сетевые пары</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select mode="multiple" aria-label="Состояние пары" placeholder="Состояние" style={{ minWidth: 260 }} value={statuses}
            onChange={(v) => { setStatuses(v); setCursors([null]); }}
            options={Object.entries(PAIR_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          {territory.municipalityId == null && (
            <Select aria-label="Муниципалитет" placeholder="Муниципалитет" allowClear style={{ width: 260 }} value={municipality}
              showSearch optionFilterProp="label" onChange={(v) => { setMunicipality(v); setCursors([null]); }}
              options={territory.municipalities.map((m) => ({ value: m.id, label: m.name }))} />
          )}
        </Space>
        <ErrorAlert error={error} />
        <Table data-testid="pairs-table" size="small" rowKey="id" loading={fetching} dataSource={rows} pagination={false}
          locale={{ emptyText: 'Пар нет' }}
          columns={[
            { title: 'ШНОР', key: 'm', render: (_, p) => <Link to={`/pairs/${p.id}`}>{p.mentee.name}</Link> },
            { title: 'Школа-партнёр', key: 'l', render: (_, p) => p.leader.name },
            { title: 'Состояние', dataIndex: 'status', render: (s: string) => <Tag color={PAIR_STATUS_COLORS[s]}>{PAIR_STATUS_LABELS[s]}</Tag> },
            { title: 'Оценка', dataIndex: 'score', align: 'right', render: (v: number) => formatNumber(v) },
            { title: 'Соглашение', dataIndex: 'agreementDate', render: formatDate },
            { title: 'Начало', dataIndex: 'startDate', render: formatDate },
          ]} />
        <Space style={{ marginTop: 16 }}>
          <Button disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>Назад</Button>
          <span>Всего: {formatInt(data?.networkPairs.totalCount)}</span>
          <Button disabled={!data?.networkPairs.pageInfo.hasNextPage}
            onClick={() => setCursors([...cursors, data!.networkPairs.pageInfo.endCursor ?? null])}>Далее</Button>
        </Space>
      </Card>
    </>
  );
}
