import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Form, InputNumber, Row, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { hasAnyRole } from '../lib/access';
import { useTerritory } from '../lib/useTerritory';
import { QueryState } from '../components/QueryState';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDateTime, formatInt, formatNumber } from '../lib/format';
import { toUserError } from '../lib/errors';
import { SchoolsPageQuery } from '../lib/allSchools';

export const ProposalFields = graphql(`
  fragment ProposalFields on PairingProposal {
    id createdAt createdBy method capacity minScore maxDistanceKm municipalityId
    menteeCount alreadyPairedCount leaderCount slotCount pairedCount unmatchedCount totalScore meanScore solveMillis
    greedy { method pairedCount totalScore meanScore solveMillis }
    matched: items(matched: true, first: 200) {
      totalCount
      edges { node { mentee { id name } leader { id name } score summary pairId greedyLeaderId greedyScore
        components { context resultGap typeSize proximity capacity } } }
    }
    unmatched: items(matched: false, first: 200) {
      totalCount
      edges { node { mentee { id name } reason message } }
    }
  }
`);

const LatestProposalQuery = graphql(`
  query LatestProposal($regionId: ID!) {
    pairingProposals(regionId: $regionId, first: 1) { edges { node { ...ProposalFields } } }
  }
`);

const ProposeMutation = graphql(`
  mutation Propose($regionId: ID!, $municipalityId: ID) {
    proposeNetworkPairs(regionId: $regionId, municipalityId: $municipalityId) { ...ProposalFields }
  }
`);

const AcceptMutation = graphql(`
  mutation AcceptProposal($proposalId: ID!, $schoolIds: [ID!]) {
    createPairsFromProposal(proposalId: $proposalId, schoolIds: $schoolIds) {
      created { id mentee { id } }
      skipped { schoolId message }
    }
  }
`);

const CandidatesQuery = graphql(`
  query Candidates($schoolId: ID!) {
    pairCandidates(schoolId: $schoolId, first: 10) {
      school { id name statuses }
      totalCount
      excluded { reason label count }
      edges { node {
        rank score acceptable partnerBasis distanceKm openPairs
        school { id name municipalityId type locality }
        explanation {
          summary
          context { value weight contribution distance featuresCompared }
          resultGap { value weight contribution schoolResultsIndex partnerResultsIndex }
          typeSize { value weight contribution typeSimilarity localitySimilarity sizeSimilarity }
          proximity { value weight contribution distanceKm sameMunicipality }
          capacity { value weight contribution capacity openPairs remaining }
        }
      } }
    }
  }
`);

const SettingsQuery = graphql(`
  query PairingSettings($regionId: ID!) {
    pairingSettings(regionId: $regionId) {
      regionId isDefault capacity maxDistanceKm minScore
      weightContext weightResultGap weightTypeSize weightProximity weightCapacity updatedBy updatedAt
    }
  }
`);

const UpdateSettingsMutation = graphql(`
  mutation UpdatePairingSettings($regionId: ID!, $input: PairingSettingsInput!) {
    updatePairingSettings(regionId: $regionId, input: $input) {
      regionId isDefault capacity maxDistanceKm minScore
      weightContext weightResultGap weightTypeSize weightProximity weightCapacity updatedBy updatedAt
    }
  }
`);

const REASONS: Record<string, string> = {
  NO_PARTNERS: 'нет школ-партнёров на территории',
  NO_PARTNER_WITHIN_DISTANCE: 'все партнёры дальше допустимого расстояния',
  ALL_PARTNERS_FULL: 'у всех партнёров нет свободных мест',
  BELOW_MIN_SCORE: 'даже лучший партнёр ниже минимальной оценки',
  CAPACITY_TAKEN: 'места партнёров отданы школам, которым они подходят лучше',
};

const PART_LABELS: [string, string][] = [
  ['context', 'Сходство контекста'], ['resultGap', 'Разрыв в результатах'], ['typeSize', 'Тип и размер'],
  ['proximity', 'Близость'], ['capacity', 'Свободные места'],
];

export default function PairingPage() {
  return (
    <>
      <Typography.Title level={2} className="page-title">Подбор сетевых пар</Typography.Title>
      <Tabs items={[
        { key: 'proposal', label: 'Предложение по региону', children: <ProposalTab /> },
        { key: 'candidates', label: 'Кандидаты для школы', children: <CandidatesTab /> },
        { key: 'settings', label: 'Настройки подбора', children: <SettingsTab /> },
      ]} />
    </>
  );
}

function ProposalTab() {
  const territory = useTerritory();
  const { message } = App.useApp();
  const regionId = territory.regionId ?? '';
  const [latest, reload] = useQuery({ query: LatestProposalQuery, variables: { regionId }, pause: !regionId });
  const [proposeState, propose] = useMutation(ProposeMutation);
  const [acceptState, accept] = useMutation(AcceptMutation);
  const [selected, setSelected] = useState<string[]>([]);
  // The stored latest proposal is the truth (it carries the pairs created from it); the mutation's own answer only
  // bridges the moment until the reload after it arrives.
  const proposal = latest.data?.pairingProposals.edges[0]?.node ?? proposeState.data?.proposeNetworkPairs;

  const run = async () => {
    const result = await propose({ regionId, municipalityId: territory.municipalityId });
    if (result.error) message.error(toUserError(result.error)?.detail ?? toUserError(result.error)?.title);
    setSelected([]);
    reload({ requestPolicy: 'network-only' });
  };

  const acceptPairs = async (schoolIds: string[] | null) => {
    if (!proposal) return;
    const result = await accept({ proposalId: proposal.id, schoolIds });
    if (result.error) {
      message.error(toUserError(result.error)?.detail ?? toUserError(result.error)?.title);
      return;
    }
    const created = result.data!.createPairsFromProposal.created.length;
    const skipped = result.data!.createPairsFromProposal.skipped.length;
    message.success(`Создано пар: ${created}${skipped ? `, пропущено: ${skipped}` : ''}`);
    setSelected([]);
    reload({ requestPolicy: 'network-only' });
  };

  const matched = proposal?.matched.edges.map((e) => e.node) ?? [];
  const unmatched = proposal?.unmatched.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" onClick={run} loading={proposeState.fetching}>Сформировать предложение</Button>
        <ErrorAlert error={proposeState.error} />
      </Space>
      <QueryState fetching={latest.fetching} error={latest.error} empty={!proposal} emptyText="Предложений ещё не было">
        {proposal && (
          <>
            <Descriptions bordered size="small" column={{ xs: 1, md: 3 }} data-testid="proposal-summary">
              <Descriptions.Item label="Сформировано">{formatDateTime(proposal.createdAt)} ({proposal.createdBy})</Descriptions.Item>
              <Descriptions.Item label="ШНОР без пары">{formatInt(proposal.menteeCount)}</Descriptions.Item>
              <Descriptions.Item label="Партнёров / мест">{formatInt(proposal.leaderCount)} / {formatInt(proposal.slotCount)}</Descriptions.Item>
              <Descriptions.Item label="Оптимальное: пар">{formatInt(proposal.pairedCount)}</Descriptions.Item>
              <Descriptions.Item label="Оптимальное: сумма оценок">{formatNumber(proposal.totalScore)}</Descriptions.Item>
              <Descriptions.Item label="Оптимальное: средняя">{formatNumber(proposal.meanScore)}</Descriptions.Item>
              <Descriptions.Item label="Жадное: пар">{formatInt(proposal.greedy.pairedCount)}</Descriptions.Item>
              <Descriptions.Item label="Жадное: сумма оценок">{formatNumber(proposal.greedy.totalScore)}</Descriptions.Item>
              <Descriptions.Item label="Жадное: средняя">{formatNumber(proposal.greedy.meanScore)}</Descriptions.Item>
            </Descriptions>
            <Card title={`Предложенные пары (${formatInt(proposal.matched.totalCount)})`} extra={
              <Space>
                <Button disabled={!selected.length} loading={acceptState.fetching} onClick={() => acceptPairs(selected)}>
                  Принять выбранные ({selected.length})
                </Button>
                <Button type="primary" loading={acceptState.fetching} onClick={() => acceptPairs(null)}>Принять все</Button>
              </Space>}>
              <Table data-testid="proposal-pairs" size="small" rowKey={(r) => r.mentee.id} dataSource={matched}
                pagination={{ pageSize: 20, showSizeChanger: false }}
                rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]),
                  getCheckboxProps: (r) => ({ disabled: !!r.pairId, 'aria-label': `Выбрать ${r.mentee.name}` }) }}
                columns={[
                  { title: 'ШНОР', key: 'm', render: (_, r) => <Link to={`/schools/${r.mentee.id}`}>{r.mentee.name}</Link> },
                  { title: 'Партнёр', key: 'l', render: (_, r) => r.leader && <Link to={`/schools/${r.leader.id}`}>{r.leader.name}</Link> },
                  { title: 'Оценка', dataIndex: 'score', align: 'right', render: (v: number) => formatNumber(v),
                    sorter: (a, b) => (a.score ?? 0) - (b.score ?? 0) },
                  { title: 'Жадный выбор', key: 'g', render: (_, r) => (r.greedyLeaderId === r.leader?.id ? 'тот же' : formatNumber(r.greedyScore)) },
                  { title: 'Пара', key: 'p', render: (_, r) => (r.pairId ? <Link to={`/pairs/${r.pairId}`}>создана</Link> : '—') },
                ]}
                expandable={{ expandedRowRender: (r) => (
                  <Space direction="vertical">
                    <span>{r.summary}</span>
                    {r.components && <Space wrap>{PART_LABELS.map(([k, label]) => (
                      <Tag key={k}>{label}: {formatNumber((r.components as Record<string, number>)[k])}</Tag>))}</Space>}
                  </Space>) }}
              />
            </Card>
            <Card title={`Без пары (${formatInt(proposal.unmatched.totalCount)})`}>
              <Table size="small" rowKey={(r) => r.mentee.id} dataSource={unmatched} pagination={{ pageSize: 10 }}
                locale={{ emptyText: 'Все школы получили партнёров' }}
                columns={[
                  { title: 'Школа', key: 'm', render: (_, r) => <Link to={`/schools/${r.mentee.id}`}>{r.mentee.name}</Link> },
                  { title: 'Причина', key: 'r', render: (_, r) => r.message ?? REASONS[r.reason ?? ''] ?? r.reason },
                ]} />
            </Card>
          </>
        )}
      </QueryState>
    </Space>
  );
}

function CandidatesTab() {
  const territory = useTerritory();
  const [search, setSearch] = useState('');
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const [schools] = useQuery({
    query: SchoolsPageQuery, pause: !territory.regionId,
    variables: { filter: { regionId: territory.regionId, municipalityId: territory.municipalityId, status: 'LOW_RESULTS', nameContains: search || undefined }, first: 50 },
  });
  const [candidates] = useQuery({ query: CandidatesQuery, variables: { schoolId: schoolId ?? '' }, pause: !schoolId });
  const data = candidates.data?.pairCandidates;
  const rows = data?.edges.map((e) => e.node) ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select showSearch aria-label="Школа (ШНОР)" placeholder="Выберите школу со статусом ШНОР" style={{ width: 480 }}
        filterOption={false} onSearch={setSearch} value={schoolId} onChange={setSchoolId} loading={schools.fetching}
        options={(schools.data?.schools.edges ?? []).map((e) => ({ value: e.node.id, label: e.node.name }))} />
      {schoolId && (
        <QueryState fetching={candidates.fetching} error={candidates.error} empty={rows.length === 0} emptyText="Нет подходящих партнёров">
          <Typography.Text type="secondary">
            Проходят ограничения: {formatInt(data?.totalCount)}. Исключены: {data?.excluded.map((e) => `${e.label} — ${formatInt(e.count)}`).join('; ')}
          </Typography.Text>
          <Table size="small" rowKey={(r) => r.school.id} dataSource={rows} pagination={false}
            columns={[
              { title: '№', dataIndex: 'rank', width: 48 },
              { title: 'Партнёр', key: 's', render: (_, r) => <Link to={`/schools/${r.school.id}`}>{r.school.name}</Link> },
              { title: 'Оценка', dataIndex: 'score', align: 'right', render: (v: number) => formatNumber(v) },
              { title: 'Км', dataIndex: 'distanceKm', align: 'right', render: (v: number) => formatNumber(v, 1) },
              { title: 'Открытых пар', dataIndex: 'openPairs', align: 'right' },
              { title: 'Допустим', dataIndex: 'acceptable', render: (v: boolean) => (v ? 'да' : 'нет') },
            ]}
            expandable={{ defaultExpandedRowKeys: rows.slice(0, 1).map((r) => r.school.id), expandedRowRender: (r) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                <span>{r.explanation.summary}</span>
                <Table size="small" pagination={false} rowKey="key" dataSource={PART_LABELS.map(([k, label]) => {
                  const part = (r.explanation as unknown as Record<string, { value: number; weight: number; contribution: number }>)[k];
                  return { key: k, label, ...part };
                })} columns={[
                  { title: 'Часть оценки', dataIndex: 'label' },
                  { title: 'Значение', dataIndex: 'value', align: 'right', render: (v: number) => formatNumber(v) },
                  { title: 'Вес', dataIndex: 'weight', align: 'right', render: (v: number) => formatNumber(v) },
                  { title: 'Вклад', dataIndex: 'contribution', align: 'right', render: (v: number) => formatNumber(v, 3) },
                ]} />
              </Space>) }} />
        </QueryState>
      )}
    </Space>
  );
}

function SettingsTab() {
  const territory = useTerritory();
  const caller = useCaller();
  const { message } = App.useApp();
  const regionId = territory.regionId ?? '';
  const [{ data, fetching, error }] = useQuery({ query: SettingsQuery, variables: { regionId }, pause: !regionId });
  const [saveState, save] = useMutation(UpdateSettingsMutation);
  const editable = hasAnyRole(caller, ['REGIONAL_COORDINATOR']);
  const settings = data?.pairingSettings;
  const initial = useMemo(() => settings && { ...settings }, [settings]);

  const submit = async (values: Record<string, number | null>) => {
    const result = await save({ regionId, input: {
      capacity: values.capacity ?? undefined,
      maxDistanceKm: values.maxDistanceKm ?? undefined,
      clearMaxDistance: values.maxDistanceKm == null ? true : undefined,
      minScore: values.minScore ?? undefined,
      weightContext: values.weightContext ?? undefined,
      weightResultGap: values.weightResultGap ?? undefined,
      weightTypeSize: values.weightTypeSize ?? undefined,
      weightProximity: values.weightProximity ?? undefined,
      weightCapacity: values.weightCapacity ?? undefined,
    } });
    if (result.error) message.error(toUserError(result.error)?.detail ?? toUserError(result.error)?.title);
    else message.success('Настройки сохранены');
  };

  return (
    <QueryState fetching={fetching} error={error} empty={!settings}>
      {initial && (
        <Form layout="vertical" initialValues={initial} onFinish={submit} disabled={!editable} style={{ maxWidth: 720 }}>
          <Row gutter={16}>
            <Col span={8}><Form.Item label="Пар на одну школу-лидера" name="capacity"><InputNumber min={1} max={20} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Максимальное расстояние, км (пусто — без ограничения)" name="maxDistanceKm"><InputNumber min={1} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Минимальная оценка" name="minScore"><InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Вес: контекст" name="weightContext"><InputNumber min={0} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Вес: разрыв в результатах" name="weightResultGap"><InputNumber min={0} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Вес: тип и размер" name="weightTypeSize"><InputNumber min={0} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Вес: близость" name="weightProximity"><InputNumber min={0} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
            <Col span={8}><Form.Item label="Вес: свободные места" name="weightCapacity"><InputNumber min={0} step={0.05} style={{ width: '100%' }} /></Form.Item></Col>
          </Row>
          <Typography.Paragraph type="secondary">
            {settings?.isDefault ? 'Действуют настройки по умолчанию.' : `Изменены: ${settings?.updatedBy ?? ''}, ${formatDateTime(settings?.updatedAt)}`}
          </Typography.Paragraph>
          {editable && <Button type="primary" htmlType="submit" loading={saveState.fetching}>Сохранить</Button>}
        </Form>
      )}
    </QueryState>
  );
}
