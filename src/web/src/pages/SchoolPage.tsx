import { useEffect, useMemo, useState } from 'react';
import { Card, Col, Collapse, Descriptions, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useClient, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { coversMunicipality } from '../lib/access';
import { QueryState } from '../components/QueryState';
import { ErrorAlert } from '../components/ErrorAlert';
import { StatusTags } from '../components/StatusTags';
import { Forbidden } from '../components/Forbidden';
import { EChart } from '../components/EChart';
import { formatInt, formatNumber, formatPercent } from '../lib/format';
import { linePoints, regionalSeries, seriesByProcedureAndSubject } from '../lib/results';
import { methodLabel } from '../lib/identification';
import type { RunScatterQuery, SchoolProfileQuery } from '../gql/graphql';
import { PAIR_STATUS_COLORS, PAIR_STATUS_LABELS } from '../lib/status';

const SchoolQuery = graphql(`
  query SchoolProfile($id: ID!) {
    school(id: $id) {
      id name type locality enrolment smallSchool regionId latitude longitude
      municipality { id name }
      currentStatuses
      supportRoles { role roleLabel note }
      results { year procedure subject grade participants meanScore shareFailing shareHigh }
      regionalMeans { year procedure subject grade meanScore }
      indicators { year indicator label unit kind value }
      assessment {
        runId resultsIndex contextIndex expected residual trend
        statuses { status label method decisive explanation evidence }
        riskProfile { factor label level indicators { indicator label value regionalMedian percentile } }
      }
    }
  }
`);

const SchoolPairsQuery = graphql(`
  query SchoolPairs($regionId: ID!, $schoolId: ID!) {
    networkPairs(regionId: $regionId, filter: { schoolId: $schoolId }, first: 10) {
      edges { node { id status statusLabel score mentee { id name } leader { id name } } }
    }
  }
`);

const RecommendationsQuery = graphql(`
  query SchoolRecommendations($schoolId: ID!) {
    practiceRecommendations(schoolId: $schoolId, first: 5) {
      score reasons practice { id title summary }
    }
  }
`);

const RunScatterQuery = graphql(`
  query RunScatter($runId: ID!, $after: String) {
    identificationRun(id: $runId) {
      id regression { intercept slope r2 residualSd schools }
      assessments(first: 200, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { resultsIndex contextIndex school { id name } } }
      }
    }
  }
`);

const LEVEL_COLORS: Record<string, string> = { HIGH: 'red', MEDIUM: 'orange', LOW: 'green' };
const LEVEL_LABELS: Record<string, string> = { HIGH: 'высокий', MEDIUM: 'средний', LOW: 'низкий' };

export default function SchoolPage() {
  const { id = '' } = useParams();
  const caller = useCaller();
  const [{ data, fetching, error }] = useQuery({ query: SchoolQuery, variables: { id } });
  const school = data?.school;

  if (school && !coversMunicipality(caller, school.regionId, school.municipality.id)) {
    return <Forbidden text="Школа находится вне вашей территории." />;
  }

  return (
    <QueryState fetching={fetching} error={error} empty={!school} emptyText="Школа не найдена">
      {school && <SchoolProfile school={school} />}
    </QueryState>
  );
}

type SchoolData = NonNullable<SchoolProfileQuery['school']>;

function SchoolProfile({ school }: { school: SchoolData }) {
  const series = useMemo(() => seriesByProcedureAndSubject(school.results), [school.results]);
  const procedures = useMemo(() => [...new Set(series.map((s) => s.procedure))], [series]);
  const [procedure, setProcedure] = useState<string | undefined>();
  const shownProcedure = procedure ?? procedures[0];
  const shown = series.filter((s) => s.procedure === shownProcedure);
  const regional = useMemo(() => regionalSeries(school.results, school.regionalMeans), [school.results, school.regionalMeans])
    .filter((s) => s.procedure === shownProcedure);
  const years = [...new Set(shown.flatMap((s) => s.points.map((p) => p.year)))].sort();

  const resultsChart = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', scale: true, name: 'средний балл' },
    series: [
      ...shown.map((s) => ({
        name: s.subject, type: 'line', connectNulls: true,
        data: years.map((y) => s.points.find((p) => p.year === y)?.value ?? null),
      })),
      ...regional.map((s) => ({
        name: `${s.subject}: среднее по региону`, type: 'line', connectNulls: true, lineStyle: { type: 'dashed' }, symbol: 'none',
        data: years.map((y) => s.points.find((p) => p.year === y)?.value ?? null),
      })),
    ],
  }), [shown, regional, years]);

  const latestYear = Math.max(0, ...school.indicators.map((i) => i.year));
  const indicators = school.indicators.filter((i) => i.year === latestYear);
  const assessment = school.assessment;

  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="school-name">{school.name}</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Card>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label="Муниципалитет">{school.municipality.name}</Descriptions.Item>
              <Descriptions.Item label="Тип">{school.type}</Descriptions.Item>
              <Descriptions.Item label="Местность">{school.locality}</Descriptions.Item>
              <Descriptions.Item label="Обучающихся">{formatInt(school.enrolment)}</Descriptions.Item>
              <Descriptions.Item label="Малокомплектная">{school.smallSchool ? 'да' : 'нет'}</Descriptions.Item>
              {school.supportRoles.length > 0 && (
                <Descriptions.Item label="Роли в сети поддержки">
                  <Space wrap data-testid="school-support-roles">{school.supportRoles.map((r) => (
                    <Tag key={r.role} color="purple" title={r.note ?? undefined}>{r.roleLabel}</Tag>))}</Space>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="Статусы"><StatusTags statuses={school.currentStatuses} /></Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Результаты по годам" extra={
            <Select aria-label="Процедура" size="small" style={{ width: 120 }} value={shownProcedure}
              onChange={setProcedure} options={procedures.map((p) => ({ value: p, label: p }))} />}>
            {shown.length ? <EChart option={resultsChart} label={`Средний балл по годам, ${shownProcedure}`} />
              : <Empty description="Нет результатов" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          {assessment ? <RegionScatter runId={assessment.runId} schoolId={school.id} /> : <Card title="Школа среди школ региона"><Empty description="Идентификация ещё не проводилась" /></Card>}
        </Col>
        <Col span={24}>
          <Card title="Статусы и данные, на которых они основаны" data-testid="status-evidence">
            {assessment ? (
              <>
                <Descriptions size="small" column={{ xs: 1, md: 5 }} bordered style={{ marginBottom: 16 }}>
                  <Descriptions.Item label="Индекс результатов">{formatNumber(assessment.resultsIndex)}</Descriptions.Item>
                  <Descriptions.Item label="Индекс контекста">{formatNumber(assessment.contextIndex)}</Descriptions.Item>
                  <Descriptions.Item label="Ожидаемый">{formatNumber(assessment.expected)}</Descriptions.Item>
                  <Descriptions.Item label="Остаток">{formatNumber(assessment.residual)}</Descriptions.Item>
                  <Descriptions.Item label="Тренд за год">{formatNumber(assessment.trend)}</Descriptions.Item>
                </Descriptions>
                {assessment.statuses.length === 0 ? <Typography.Text type="secondary">Школа не получила статусов в последнем расчёте</Typography.Text> : (
                  <List dataSource={assessment.statuses} renderItem={(f) => (
                    <List.Item>
                      <List.Item.Meta
                        title={<Space><StatusTags statuses={[f.status]} /><span>{methodLabel(f.method)}</span></Space>}
                        description={<>
                          <div>{f.explanation}</div>
                          {!f.decisive && <Typography.Text type="secondary">Метод нашёл это, но при выбранном регионом сочетании методов статус не присвоен</Typography.Text>}
                          <Evidence evidence={f.evidence} />
                        </>} />
                    </List.Item>
                  )} />
                )}
              </>
            ) : <Empty description="Нет расчёта" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="Рисковый профиль">
            {assessment && assessment.riskProfile.length ? (
              <Collapse items={assessment.riskProfile.map((r) => ({
                key: r.factor,
                label: <Space><Tag color={LEVEL_COLORS[r.level]}>{LEVEL_LABELS[r.level] ?? r.level}</Tag>{r.label}</Space>,
                children: (
                  <Table size="small" pagination={false} rowKey="indicator" dataSource={r.indicators} columns={[
                    { title: 'Показатель', dataIndex: 'label' },
                    { title: 'Значение', dataIndex: 'value', align: 'right', render: (v: number) => formatNumber(v) },
                    { title: 'Медиана региона', dataIndex: 'regionalMedian', align: 'right', render: (v: number) => formatNumber(v) },
                    { title: 'Процентиль', dataIndex: 'percentile', align: 'right', render: (v: number) => formatPercent(v) },
                  ]} />
                ),
              }))} />
            ) : <Empty description="Нет факторов риска" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`Контекстные показатели${latestYear ? `, ${latestYear}` : ''}`}>
            <Table size="small" pagination={false} rowKey="indicator" dataSource={indicators}
              locale={{ emptyText: 'Нет показателей' }} scroll={{ y: 300 }} columns={[
                { title: 'Показатель', dataIndex: 'label' },
                { title: 'Значение', key: 'v', align: 'right', render: (_, i) => `${formatNumber(i.value)} ${i.unit}` },
                { title: 'Вид', dataIndex: 'kind', render: (k: string) => (k === 'CONTEXT' ? 'контекст' : 'результат') },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={12}><SchoolPairs regionId={school.regionId} schoolId={school.id} /></Col>
        <Col xs={24} xl={12}><Recommendations schoolId={school.id} /></Col>
      </Row>
    </>
  );
}

function Evidence({ evidence }: { evidence: unknown }) {
  if (typeof evidence !== 'object' || evidence === null) return null;
  const entries = Object.entries(evidence as Record<string, unknown>).filter(([, v]) => typeof v !== 'object' || v === null);
  if (!entries.length) return null;
  return (
    <Space size={[12, 4]} wrap style={{ marginTop: 4 }}>
      {entries.map(([k, v]) => <span key={k} className="muted">{k}: <b>{typeof v === 'number' ? formatNumber(v) : String(v)}</b></span>)}
    </Space>
  );
}

function RegionScatter({ runId, schoolId }: { runId: string; schoolId: string }) {
  const client = useClient();
  const [state, setState] = useState<{ points: { x: number; y: number; id: string; name: string }[]; line: [number, number][]; r2: number } | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  useEffect(() => {
    let live = true;
    (async () => {
      const points: { x: number; y: number; id: string; name: string }[] = [];
      let after: string | null | undefined = null;
      let regression = { intercept: 0, slope: 0, r2: 0 };
      for (;;) {
        const r: { data?: RunScatterQuery; error?: unknown } = await client.query(RunScatterQuery, { runId, after }).toPromise();
        if (r.error) throw r.error;
        const run: RunScatterQuery['identificationRun'] = r.data?.identificationRun ?? null;
        if (!run) break;
        regression = run.regression;
        for (const e of run.assessments.edges) {
          const a = e.node;
          if (a.resultsIndex != null && a.contextIndex != null) points.push({ x: a.contextIndex, y: a.resultsIndex, id: a.school.id, name: a.school.name });
        }
        if (!run.assessments.pageInfo.hasNextPage) break;
        after = run.assessments.pageInfo.endCursor;
      }
      if (live) setState({ points, line: linePoints(regression.intercept, regression.slope, points.map((p) => p.x)), r2: regression.r2 });
    })().catch((e) => live && setError(e));
    return () => { live = false; };
  }, [client, runId]);

  const option = useMemo(() => state && ({
    tooltip: { trigger: 'item', formatter: (p: { data: { name?: string } }) => p.data?.name ?? '' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'value', name: 'индекс контекста', nameLocation: 'middle', nameGap: 24 },
    yAxis: { type: 'value', name: 'индекс результатов' },
    series: [
      { name: 'Школы региона', type: 'scatter', symbolSize: 4, itemStyle: { color: '#91a7c4' },
        data: state.points.filter((p) => p.id !== schoolId).map((p) => ({ value: [p.x, p.y], name: p.name })) },
      { name: `Линия регрессии (R² ${formatNumber(state.r2)})`, type: 'line', symbol: 'none', lineStyle: { color: '#333' }, data: state.line },
      { name: 'Эта школа', type: 'scatter', symbolSize: 14, itemStyle: { color: '#cf1322' }, z: 10,
        data: state.points.filter((p) => p.id === schoolId).map((p) => ({ value: [p.x, p.y], name: p.name })) },
    ],
  }), [state, schoolId]);

  return (
    <Card title="Школа среди школ региона">
      <QueryState fetching={!state && !error} error={error} empty={!state || state.points.length === 0}>
        {option && <EChart option={option} label="Диаграмма рассеяния: индекс результатов против индекса контекста, с линией регрессии" />}
      </QueryState>
    </Card>
  );
}

function SchoolPairs({ regionId, schoolId }: { regionId: string; schoolId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: SchoolPairsQuery, variables: { regionId, schoolId } });
  const pairs = data?.networkPairs.edges.map((e) => e.node) ?? [];
  return (
    <Card title="Сетевая пара">
      <QueryState fetching={fetching} error={error} empty={pairs.length === 0} emptyText="Школа не состоит в сетевой паре">
        <List dataSource={pairs} renderItem={(p) => (
          <List.Item>
            <Space wrap>
              <Tag color={PAIR_STATUS_COLORS[p.status]}>{PAIR_STATUS_LABELS[p.status] ?? p.statusLabel}</Tag>
              <Link to={`/pairs/${p.id}`}>{p.mentee.name} ↔ {p.leader.name}</Link>
              <span className="muted">оценка {formatNumber(p.score)}</span>
            </Space>
          </List.Item>
        )} />
      </QueryState>
    </Card>
  );
}

function Recommendations({ schoolId }: { schoolId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: RecommendationsQuery, variables: { schoolId } });
  const items = data?.practiceRecommendations ?? [];
  return (
    <Card title="Рекомендованные практики">
      {error ? <ErrorAlert error={error} /> : (
        <QueryState fetching={fetching} empty={items.length === 0} emptyText="Нет рекомендаций">
          <List dataSource={items} renderItem={(r) => (
            <List.Item>
              <List.Item.Meta title={r.practice.title} description={r.reasons.join(' ')} />
            </List.Item>
          )} />
        </QueryState>
      )}
    </Card>
  );
}
