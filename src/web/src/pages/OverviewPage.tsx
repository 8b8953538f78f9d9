import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Descriptions, Row, Statistic, Table, Typography } from 'antd';
import { useClient, useQuery, type CombinedError } from 'urql';
import { useNavigate } from 'react-router-dom';
import { graphql } from '../gql';
import { useTerritory } from '../lib/useTerritory';
import { EChart } from '../components/EChart';
import { QueryState } from '../components/QueryState';
import { formatDateTime, formatInt } from '../lib/format';
import { mainStatus, SCHOOL_STATUSES, STATUS_COLORS, STATUS_LABELS } from '../lib/status';
import { loadAllSchools, type SchoolRowData } from '../lib/allSchools';
import { methodLabel, parameterRows } from '../lib/identification';

const OverviewQuery = graphql(`
  query Overview($regionId: ID!) {
    regionalSummary(regionId: $regionId) {
      regionId schoolCount identificationRunId
      totals { status label count }
      municipalities { municipality { id name } schoolCount counts { status count } }
    }
    identificationRuns(regionId: $regionId, first: 1) {
      edges { node { id year years methods parameters createdAt createdBy schoolsAssessed counts { status label count } } }
    }
  }
`);

interface MunicipalityRow {
  id: string;
  name: string;
  schoolCount: number;
  counts: Record<string, number>;
}

export default function OverviewPage() {
  const territory = useTerritory();
  const regionId = territory.regionId;
  const [{ data, fetching, error }] = useQuery({ query: OverviewQuery, variables: { regionId: regionId ?? '' }, pause: !regionId });

  const rows: MunicipalityRow[] = useMemo(() => (data?.regionalSummary.municipalities ?? [])
    .filter((m) => territory.municipalityId == null || m.municipality.id === territory.municipalityId)
    .map((m) => ({
      id: m.municipality.id,
      name: m.municipality.name,
      schoolCount: m.schoolCount,
      counts: Object.fromEntries(m.counts.map((c) => [c.status, c.count])),
    })), [data, territory.municipalityId]);

  const totals = useMemo(() => {
    const sum: Record<string, number> = {};
    for (const s of SCHOOL_STATUSES) sum[s] = rows.reduce((acc, r) => acc + (r.counts[s] ?? 0), 0);
    return sum;
  }, [rows]);

  const chart = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 200, right: 24, top: 40, bottom: 24 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 190, overflow: 'truncate' } },
    series: SCHOOL_STATUSES.map((s) => ({
      name: STATUS_LABELS[s], type: 'bar', stack: 'all', itemStyle: { color: STATUS_COLORS[s] },
      data: rows.map((r) => r.counts[s] ?? 0),
    })),
  }), [rows]);

  const run = data?.identificationRuns.edges[0]?.node;
  const title = territory.municipalityId ? 'Обзор муниципалитета' : 'Обзор региона';

  return (
    <>
      <Typography.Title level={2} className="page-title">{title}{territory.regionName ? `: ${territory.regionName}` : ''}</Typography.Title>
      <QueryState fetching={fetching || territory.fetching} error={error} empty={!data} emptyText="Нет данных о регионе">
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card>
              <Row gutter={16}>
                <Col flex="1"><Statistic title="Школ" value={formatInt(rows.reduce((a, r) => a + r.schoolCount, 0))}
                  valueRender={(v) => <span data-testid="total-schools">{v}</span>} /></Col>
                {SCHOOL_STATUSES.map((s) => (
                  <Col flex="1" key={s}>
                    <Statistic title={STATUS_LABELS[s]} value={formatInt(totals[s])} valueStyle={{ color: STATUS_COLORS[s] }}
                      valueRender={(v) => <span data-testid={`total-${s}`}>{v}</span>} />
                  </Col>
                ))}
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card title="Статусы школ по муниципалитетам">
              <Table<MunicipalityRow>
                data-testid="overview-table"
                rowKey="id" size="small" pagination={false} dataSource={rows}
                locale={{ emptyText: 'Нет муниципалитетов' }}
                scroll={{ y: 360 }}
                columns={[
                  { title: 'Муниципалитет', dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'ru') },
                  { title: 'Школ', dataIndex: 'schoolCount', align: 'right', render: formatInt, sorter: (a, b) => a.schoolCount - b.schoolCount },
                  ...SCHOOL_STATUSES.map((s) => ({
                    title: STATUS_LABELS[s], key: s, align: 'right' as const,
                    render: (_: unknown, r: MunicipalityRow) => formatInt(r.counts[s] ?? 0),
                    sorter: (a: MunicipalityRow, b: MunicipalityRow) => (a.counts[s] ?? 0) - (b.counts[s] ?? 0),
                  })),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title="Диаграмма статусов">
              <EChart option={chart} className="chart-tall" label="Число школ каждого статуса по муниципалитетам" />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <SchoolMap regionId={regionId} municipalityId={territory.municipalityId} />
          </Col>
          <Col span={24}>
            <Card title="Последняя идентификация">
              {run ? (
                <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered data-testid="latest-run">
                  <Descriptions.Item label="Дата">{formatDateTime(run.createdAt)}</Descriptions.Item>
                  <Descriptions.Item label="Запустил">{run.createdBy}</Descriptions.Item>
                  <Descriptions.Item label="Год и окно">{run.year}, лет: {run.years}</Descriptions.Item>
                  <Descriptions.Item label="Оценено школ">{formatInt(run.schoolsAssessed)}</Descriptions.Item>
                  <Descriptions.Item label="Методы" span={2}>{run.methods.map(methodLabel).join('; ')}</Descriptions.Item>
                  {parameterRows(run.parameters).map((p) => (
                    <Descriptions.Item key={p.key} label={p.label}>{p.value}</Descriptions.Item>
                  ))}
                </Descriptions>
              ) : <Typography.Text type="secondary">Идентификация в регионе ещё не проводилась</Typography.Text>}
            </Card>
          </Col>
        </Row>
      </QueryState>
    </>
  );
}

/** Schools at their stored coordinates, coloured by status: a plain scatter, no map tiles. */
function SchoolMap({ regionId, municipalityId }: { regionId: string | null; municipalityId: string | null }) {
  const client = useClient();
  const navigate = useNavigate();
  const [schools, setSchools] = useState<SchoolRowData[] | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();

  useEffect(() => {
    if (!regionId) return;
    let live = true;
    loadAllSchools(client, { regionId, municipalityId })
      .then((rows) => live && setSchools(rows))
      .catch((e) => live && setError(e));
    return () => { live = false; };
  }, [client, regionId, municipalityId]);

  const located = useMemo(() => (schools ?? []).filter((s) => s.latitude != null && s.longitude != null), [schools]);
  const option = useMemo(() => {
    const groups = [...SCHOOL_STATUSES, 'NONE' as const];
    return {
      tooltip: { trigger: 'item', formatter: (p: { data: { name: string } }) => p.data.name },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: 'value', scale: true, name: 'долгота', axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'value', scale: true, name: 'широта', axisLabel: { show: false }, splitLine: { show: false } },
      series: groups.map((g) => ({
        name: g === 'NONE' ? 'Без статуса' : STATUS_LABELS[g],
        type: 'scatter', symbolSize: g === 'NONE' ? 4 : 7, itemStyle: { color: STATUS_COLORS[g] },
        data: located.filter((s) => mainStatus(s.currentStatuses) === g)
          .map((s) => ({ value: [s.longitude, s.latitude], name: s.name, id: s.id })),
      })),
    };
  }, [located]);

  return (
    <Card title={`Карта школ${schools ? ` (${formatInt(located.length)})` : ''}`}>
      <QueryState fetching={!schools && !error} error={error} empty={!schools || located.length === 0} emptyText="Нет школ с координатами">
        <EChart option={option} className="chart-tall" label="Карта школ по координатам, цвет — статус"
          onClick={(p) => { const id = (p.data as { id?: string })?.id; if (id) navigate(`/schools/${id}`); }} />
      </QueryState>
    </Card>
  );
}
