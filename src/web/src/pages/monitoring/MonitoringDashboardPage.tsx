import { useEffect, useMemo, useState } from 'react';
import { Breadcrumb, Button, Card, Col, Popover, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { download, toCsv } from '../../lib/csv';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { useCaller } from '../../auth/CallerContext';
import { canOpen, hasAnyRole } from '../../lib/access';
import { useTerritory } from '../../lib/useTerritory';
import { QueryState } from '../../components/QueryState';
import { EChart } from '../../components/EChart';
import { formatInt } from '../../lib/format';
import {
  CELL_TONE_LABELS, CELL_TONE_STYLES, changeTone, chartValue, comparisonTone, groupSpans, countedOnlyFor, effectiveYear, EVALUATION_LABELS, olderYearWhenIncomplete,
  EVALUATION_TAG_COLORS, formatChange, formatFigureValue, formatRatio, formatTarget, TONE_COLORS,
  type CellTone, type DrillTarget, type Evaluation, type FigureLike,
} from '../../lib/monitoring';
import type { MonitoringDashboardQuery, MonitoringFigureFieldsFragment, MonitoringTerritoryInput } from '../../gql/graphql';
import { DashboardQuery } from './queries';
import { DrillDownDrawer, type DrillRequest } from './DrillDownDrawer';
import { ReportLinks } from './ReportLinks';

type Dashboard = MonitoringDashboardQuery['monitoringDashboard'];
type Figure = MonitoringFigureFieldsFragment;
type Part = Dashboard['parts'][number];

const EVALUATIONS: Evaluation[] = ['ACHIEVED', 'NOT_ACHIEVED', 'NO_DATA', 'NO_TARGET'];
const STAT_COLORS: Record<Evaluation, string> = { ACHIEVED: '#389e0d', NOT_ACHIEVED: '#cf1322', NO_DATA: '#d48806', NO_TARGET: '#8c8c8c' };

/**
 * The monitoring dashboard of a territory: /monitoring (the caller's own: a region, a municipal coordinator's
 * municipality, a school admin's school), /monitoring/municipalities/:municipalityId, /monitoring/schools/:schoolId.
 */
export default function MonitoringDashboardPage() {
  const caller = useCaller();
  const territory = useTerritory();
  const { municipalityId: routeMunicipality, schoolId: routeSchool } = useParams();
  const [search] = useSearchParams();
  const ownSchool = !hasAnyRole(caller, ['REGIONAL_COORDINATOR', 'MUNICIPAL_COORDINATOR', 'METHODIST', 'CURATOR'])
    ? caller.schoolId ?? null : null;
  const schoolId = routeSchool ?? ownSchool;
  const municipalityId = routeMunicipality ?? search.get('municipality') ?? territory.municipalityId
    ?? (schoolId ? caller.municipalityId ?? null : null);
  const regionId = territory.regionId;
  const input: MonitoringTerritoryInput | null = useMemo(() => (regionId
    ? { regionId, municipalityId: municipalityId ?? undefined, schoolId: schoolId ?? undefined } : null),
  [regionId, municipalityId, schoolId]);
  return input ? <DashboardView key={`${municipalityId}/${schoolId}`} input={input} /> : <QueryState fetching empty>{null}</QueryState>;
}

function DashboardView({ input }: { input: MonitoringTerritoryInput }) {
  const caller = useCaller();
  const territory = useTerritory();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const urlYear = Number(search.get('year')) || null;
  const [autoYear, setAutoYear] = useState<number | null>(null);
  const askedYear = urlYear ?? autoYear ?? new Date().getFullYear();
  const [{ data, fetching, error }] = useQuery({ query: DashboardQuery, variables: { territory: input, year: askedYear } });
  const dashboard = data?.monitoringDashboard;
  const [drill, setDrill] = useState<DrillRequest | null>(null);

  // A year without data (e.g. the current one before the results come in) falls back to the newest year with data.
  useEffect(() => {
    if (!dashboard) return;
    const year = effectiveYear(askedYear, dashboard.years);
    if (year !== askedYear) {
      if (urlYear == null) setAutoYear(year);
      else setSearch((s) => { const n = new URLSearchParams(s); n.set('year', String(year)); return n; }, { replace: true });
      return;
    }
    // Without an asked year, the current year before its results steps back once to the newest older year.
    const older = urlYear == null && autoYear == null && dashboard.year === askedYear
      ? olderYearWhenIncomplete(askedYear, dashboard.years, dashboard.figures) : null;
    if (older != null) setAutoYear(older);
  }, [dashboard, askedYear, urlYear, autoYear, setSearch]);

  const year = dashboard?.year ?? askedYear;
  const name = dashboard?.territory.name ?? '';
  const level = dashboard?.territory.level ?? (input.schoolId ? 'SCHOOL' : input.municipalityId ? 'MUNICIPALITY' : 'REGION');
  const open = (figure: { indicator: { code: string; name: string }; summary?: string }, target: DrillTarget,
    where: MonitoringTerritoryInput = input, whereName = name) => setDrill({
    code: figure.indicator.code,
    indicatorName: figure.indicator.name,
    territory: where, territoryName: whereName, year, countedOnly: countedOnlyFor(target),
    summary: figure.summary,
  });

  const counts = useMemo(() => Object.fromEntries(EVALUATIONS.map((e) => [e,
    (dashboard?.figures ?? []).filter((f) => f.evaluation === e).length])) as Record<Evaluation, number>, [dashboard]);
  const years = dashboard?.years.length ? dashboard.years : [year];
  const regionLink = level !== 'REGION' && !territory.municipalityId && canOpen(caller, 'monitoring') && !input.schoolId;
  const title = level === 'REGION' ? 'Показатели региона' : level === 'MUNICIPALITY' ? 'Показатели муниципалитета' : 'Показатели школы';

  return (
    <>
      {(regionLink || (level === 'SCHOOL' && input.municipalityId && !caller.schoolId)) && (
        <Breadcrumb style={{ marginBottom: 8 }} items={[
          ...(territory.municipalityId ? [] : [{ title: <Link to={`/monitoring?year=${year}`}>{territory.regionName ?? 'Регион'}</Link> }]),
          ...(level === 'SCHOOL' && input.municipalityId
            ? [{ title: <Link to={`/monitoring/municipalities/${input.municipalityId}?year=${year}`}>Муниципалитет</Link> }] : []),
          { title: name },
        ]} />
      )}
      <Row justify="space-between" align="middle" gutter={[16, 8]}>
        <Col>
          <Typography.Title level={2} className="page-title" data-testid="monitoring-title">{title}{name ? `: ${name}` : ''}</Typography.Title>
        </Col>
        <Col>
          <Space>
            <span id="monitoring-year-label">Год</span>
            <Select aria-labelledby="monitoring-year-label" data-testid="monitoring-year" value={year} style={{ width: 110 }}
              options={years.map((y) => ({ value: y, label: `${y}` }))}
              onChange={(y) => setSearch((s) => { const n = new URLSearchParams(s); n.set('year', String(y)); return n; })} />
          </Space>
        </Col>
      </Row>
      <QueryState fetching={fetching} error={error} empty={!dashboard} emptyText="Нет данных мониторинга">
        {dashboard && (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <Card style={{ height: '100%' }}>
                <Row gutter={16}>
                  <Col flex="1"><Statistic title="Показателей" value={formatInt(dashboard.figures.length)} /></Col>
                  {EVALUATIONS.map((e) => (
                    <Col flex="1" key={e}>
                      <Statistic title={EVALUATION_LABELS[e]} value={formatInt(counts[e])} styles={{ content: { color: STAT_COLORS[e] } }}
                        valueRender={(v) => <span data-testid={`count-${e}`}>{v}</span>} />
                    </Col>
                  ))}
                </Row>
              </Card>
            </Col>
            <Col xs={24} xl={10}>
              <Card title="Справки" size="small" style={{ height: '100%' }}>
                <ReportLinks territory={{ regionId: String(input.regionId),
                  municipalityId: input.municipalityId == null ? null : String(input.municipalityId),
                  schoolId: input.schoolId == null ? null : String(input.schoolId) }} territoryName={name} year={year} />
              </Card>
            </Col>
            <Col span={24}>
              <FiguresCard figures={dashboard.figures} year={year} onDrill={(f, t) => open({ ...f, summary: figureSummary(f) }, t)} />
            </Col>
            {dashboard.parts.length > 0 && (
              <Col span={24}>
                <Comparison dashboard={dashboard}
                  onOpenPart={(part) => navigate(part.territory.level === 'MUNICIPALITY'
                    ? `/monitoring/municipalities/${part.territory.id}?year=${year}`
                    : `/monitoring/schools/${part.territory.id}?municipality=${input.municipalityId ?? ''}&year=${year}`)}
                  onDrill={(part, figure) => open(figure, 'value', partInput(input, part), part.territory.name)} />
              </Col>
            )}
          </Row>
        )}
      </QueryState>
      <DrillDownDrawer request={drill} onClose={() => setDrill(null)} />
    </>
  );
}

function figureSummary(f: { value?: number | null; numerator?: number | null; denominator?: number | null; indicator: { unit: 'SHARE' | 'COUNT' } }) {
  const ratio = formatRatio(f.numerator, f.denominator);
  return `${formatFigureValue(f.value, f.indicator.unit)}${ratio === '—' ? '' : ` (${ratio})`}`;
}

function partInput(input: MonitoringTerritoryInput, part: Part): MonitoringTerritoryInput {
  return part.territory.level === 'MUNICIPALITY'
    ? { regionId: input.regionId, municipalityId: part.territory.id }
    : { regionId: input.regionId, municipalityId: input.municipalityId, schoolId: part.territory.id };
}

/** A number that opens the drill-down: the value, the numerator or the denominator. */
function DrillNumber({ text, label, onClick, testId }: { text: string; label: string; onClick: () => void; testId?: string }) {
  if (text === '—') return <>{text}</>;
  return <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} aria-label={label} title={label}
    data-testid={testId} onClick={onClick}>{text}</Button>;
}

function IndicatorInfo({ figure }: { figure: Figure }) {
  const i = figure.indicator;
  return (
    <Popover title={i.name} content={(
      <div style={{ maxWidth: 420 }}>
        <p><b>Расчёт:</b> {i.formula}</p>
        <p><b>Источник данных:</b> {i.source}</p>
        {i.documents.length > 0 && <p><b>Документы:</b> {i.documents.join('; ')}</p>}
        <p style={{ marginBottom: 0 }}><b>Направление:</b> {i.direction === 'HIGHER_IS_BETTER' ? 'чем больше, тем лучше' : 'чем меньше, тем лучше'}
          {' · '}<b>Код:</b> {i.code}</p>
      </div>
    )}>
      <InfoCircleOutlined className="muted" aria-label={`Как считается: ${i.name}`} style={{ marginLeft: 6 }} />
    </Popover>
  );
}

/** The territory's indicators, grouped by section: value (a link to the drill-down), ratio, last year, change, target. */
function FiguresCard({ figures, year, onDrill }: { figures: Figure[]; year: number; onDrill: (f: Figure, t: DrillTarget) => void }) {
  const groups = useMemo(() => [...new Set(figures.map((f) => f.indicator.group))], [figures]);
  const [group, setGroup] = useState<string>('all');
  const shown = figures.filter((f) => group === 'all' || f.indicator.group === group);
  // The section's title spans its rows (rows stay in catalogue order).
  const spans = useMemo(() => groupSpans(shown.map((f) => f.indicator.group)), [shown]);

  return (
    <Card title={`Показатели за ${year} год`} extra={(
      <Select value={group} onChange={setGroup} style={{ width: 260 }} aria-label="Раздел" data-testid="monitoring-group"
        options={[{ value: 'all', label: 'Все разделы' }, ...groups.map((g) => ({ value: g, label: g }))]} />
    )}>
      <Table<Figure> size="small" rowKey={(f) => f.indicator.code} dataSource={shown} pagination={false}
        data-testid="monitoring-figures" scroll={{ x: 1000 }} bordered
        locale={{ emptyText: 'Нет показателей' }}
        columns={[
          { title: 'Раздел', key: 'group', width: 140, render: (_: unknown, f) => f.indicator.group,
            onCell: (_, index) => ({ rowSpan: spans[index ?? 0] }) },
          { title: 'Показатель', key: 'name', render: (_: unknown, f) => <>{f.indicator.name}<IndicatorInfo figure={f} /></> },
          { title: `${year}`, key: 'value', align: 'right', width: 90,
            render: (_: unknown, f) => (
              <span data-code={f.indicator.code} data-direction={f.indicator.direction} data-unit={f.indicator.unit}>
                <DrillNumber text={formatFigureValue(f.value, f.indicator.unit)} testId={`value-${f.indicator.code}`}
                  label={`Школы, учтённые в показателе «${f.indicator.name}»`} onClick={() => onDrill(f, 'value')} />
              </span>) },
          { title: 'Числитель / знаменатель', key: 'ratio', align: 'right', width: 130,
            render: (_: unknown, f) => (f.numerator == null && f.denominator == null ? '—' : (
              <span>
                <DrillNumber text={formatInt(f.numerator)} testId={`numerator-${f.indicator.code}`}
                  label={`Учтённые в числителе: ${f.indicator.name}`} onClick={() => onDrill(f, 'numerator')} />
                {' из '}
                <DrillNumber text={formatInt(f.denominator)} testId={`denominator-${f.indicator.code}`}
                  label={`Вся база показателя: ${f.indicator.name}`} onClick={() => onDrill(f, 'denominator')} />
              </span>)) },
          { title: `${year - 1}`, key: 'previous', align: 'right', width: 90,
            render: (_: unknown, f) => formatFigureValue(f.previousValue, f.indicator.unit) },
          { title: 'Изменение', key: 'change', align: 'right', width: 120,
            render: (_: unknown, f) => (
              <span style={{ color: TONE_COLORS[changeTone(f.change, f.indicator.direction)], whiteSpace: 'nowrap' }}
                data-testid={`change-${f.indicator.code}`}>{formatChange(f.change, f.indicator.unit)}</span>) },
          { title: 'Цель', key: 'target', align: 'right', width: 110,
            render: (_: unknown, f) => (
              <span style={{ whiteSpace: 'nowrap' }}>{formatTarget(f)}
                {f.target?.inherited && <div className="muted" style={{ fontSize: 12 }}>цель региона</div>}</span>) },
          { title: 'Оценка', key: 'evaluation', width: 130,
            render: (_: unknown, f) => <Tag color={EVALUATION_TAG_COLORS[f.evaluation]} data-testid={`evaluation-${f.indicator.code}`}>
              {EVALUATION_LABELS[f.evaluation]}</Tag> },
        ]} />
    </Card>
  );
}

type PartRow = { key: string; part: Part; figures: Map<string, Part['figures'][number]> };

/** The parts of the territory side by side: a coloured table of one section's indicators and a chart of one indicator. */
function Comparison({ dashboard, onOpenPart, onDrill }: {
  dashboard: Dashboard;
  onOpenPart: (part: Part) => void;
  onDrill: (part: Part, figure: { indicator: { code: string; name: string }; summary: string }) => void;
}) {
  const byMunicipality = dashboard.territory.level === 'REGION';
  const indicators = dashboard.figures.map((f) => f.indicator);
  const groups = [...new Set(indicators.map((i) => i.group))];
  const [group, setGroup] = useState(groups[0]);
  const columns = indicators.filter((i) => i.group === group);
  const [charted, setCharted] = useState<string>(columns[0]?.code ?? '');
  const chartedIndicator = indicators.find((i) => i.code === charted) ?? columns[0];
  const overall = new Map(dashboard.figures.map((f) => [f.indicator.code, f]));
  const rows: PartRow[] = dashboard.parts.map((p) => ({
    key: p.territory.id, part: p, figures: new Map(p.figures.map((f) => [f.indicator.code, f])),
  }));
  const partTitle = byMunicipality ? 'Муниципалитет' : 'Школа';

  const toneOf = (row: PartRow, code: string): CellTone => {
    const f = row.figures.get(code);
    const full = f && indicators.find((i) => i.code === code);
    return f && full ? comparisonTone({ ...f, indicator: full } as FigureLike, overall.get(code)?.value) : 'none';
  };

  const option = useMemo(() => {
    if (!chartedIndicator) return {};
    const unit = chartedIndicator.unit;
    const scale = (v: number | null | undefined) => chartValue(v, unit);
    const label = (v: number | null | undefined) => (v == null ? '—' : unit === 'SHARE' ? `${String(v).replace('.', ',')} %` : String(v).replace('.', ','));
    const sorted = [...rows].sort((a, b) => (a.figures.get(chartedIndicator.code)?.value ?? -1) - (b.figures.get(chartedIndicator.code)?.value ?? -1));
    const whole = overall.get(chartedIndicator.code);
    const marks = [
      ...(whole?.value != null ? [{ xAxis: scale(whole.value), name: byMunicipality ? 'Регион' : 'Муниципалитет',
        lineStyle: { color: '#1d5fa8', type: 'dashed' } }] : []),
      ...(whole?.target ? [{ xAxis: scale(whole.target.plannedValue), name: 'Цель', lineStyle: { color: '#d4380d' } }] : []),
    ];
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: (v: number) => label(v) },
      grid: { left: 220, right: 40, top: 30, bottom: 30 },
      xAxis: { type: 'value', name: unit === 'SHARE' ? '%' : '', max: unit === 'SHARE' ? 100 : undefined },
      yAxis: { type: 'category', data: sorted.map((r) => r.part.territory.name), axisLabel: { width: 210, overflow: 'truncate' } },
      series: [{
        type: 'bar', name: chartedIndicator.name,
        data: sorted.map((r) => ({
          value: scale(r.figures.get(chartedIndicator.code)?.value), id: r.key,
          itemStyle: { color: ({ achieved: '#52c41a', notAchieved: '#ff4d4f', better: '#95de64', worse: '#ff9c6e', noData: '#d9d9d9', none: '#69b1ff' } as Record<CellTone, string>)[toneOf(r, chartedIndicator.code)] },
        })),
        markLine: { symbol: 'none', label: { formatter: (p: { name: string; value: number }) => `${p.name}: ${label(p.value)}` }, data: marks },
      }],
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dashboard, chartedIndicator]);

  return (
    <Card title={byMunicipality ? 'Сравнение муниципалитетов' : 'Школы муниципалитета'} extra={(
      <Space>
      <Button icon={<DownloadOutlined />} data-testid="comparison-csv" onClick={() => download(
        `${byMunicipality ? 'Муниципалитеты' : 'Школы'} — ${dashboard.territory.name}, ${dashboard.year}.csv`,
        toCsv(rows, [
          { title: partTitle, value: (r: PartRow) => r.part.territory.name },
          ...indicators.map((i) => ({
            title: i.unit === 'SHARE' ? `${i.name}, %` : i.name,
            value: (r: PartRow) => chartValue(r.figures.get(i.code)?.value, i.unit),
          })),
        ]), 'text/csv;charset=utf-8')}>CSV</Button>
      <Select value={group} onChange={(g) => { setGroup(g); setCharted(indicators.find((i) => i.group === g)?.code ?? ''); }}
        style={{ width: 260 }} aria-label="Раздел для сравнения" data-testid="comparison-group"
        options={groups.map((g) => ({ value: g, label: g }))} />
      </Space>
    )}>
      <Table<PartRow> size="small" rowKey="key" dataSource={rows} bordered data-testid="comparison-table"
        pagination={rows.length > 25 ? { pageSize: 25, showSizeChanger: false } : false}
        scroll={{ x: 260 + columns.length * 130 }}
        columns={[
          { title: partTitle, key: 'name', fixed: 'left', width: 240,
            sorter: (a, b) => a.part.territory.name.localeCompare(b.part.territory.name, 'ru'),
            render: (_: unknown, r) => <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto' }}
              onClick={() => onOpenPart(r.part)}>{r.part.territory.name}</Button> },
          ...columns.map((i) => ({
            title: (
              <span title={i.name}>
                <div style={{ fontSize: 12, lineHeight: 1.3 }}>{i.name}</div>
                <div className="muted" style={{ fontSize: 12, fontWeight: 400 }}>
                  {byMunicipality ? 'регион' : 'муниципалитет'}: {formatFigureValue(overall.get(i.code)?.value, i.unit)}</div>
              </span>),
            key: i.code, align: 'right' as const, width: 130,
            sorter: (a: PartRow, b: PartRow) => (a.figures.get(i.code)?.value ?? -1) - (b.figures.get(i.code)?.value ?? -1),
            onCell: (r: PartRow) => ({ style: CELL_TONE_STYLES[toneOf(r, i.code)], 'data-tone': toneOf(r, i.code) }),
            render: (_: unknown, r: PartRow) => {
              const f = r.figures.get(i.code);
              const text = formatFigureValue(f?.value, i.unit);
              return <DrillNumber text={text} label={`${r.part.territory.name}: ${i.name}`} onClick={() => onDrill(r.part, { indicator: i, summary: figureSummary({ ...f, indicator: i }) })} />;
            },
          })),
        ]} />
      <Space wrap size="middle" style={{ margin: '8px 0 16px' }} aria-label="Цвета таблицы">
        {(['achieved', 'notAchieved', 'better', 'worse', 'noData'] as CellTone[]).map((t) => (
          <span key={t}><span style={{ display: 'inline-block', width: 14, height: 14, verticalAlign: 'middle', marginRight: 4,
            border: '1px solid #d9d9d9', ...CELL_TONE_STYLES[t] }} />{CELL_TONE_LABELS[t]}</span>
        ))}
      </Space>
      <Row align="middle" gutter={8} style={{ marginBottom: 8 }}>
        <Col>Диаграмма:</Col>
        <Col flex="auto">
          <Select value={chartedIndicator?.code} onChange={setCharted} style={{ width: '100%', maxWidth: 640 }}
            aria-label="Показатель для диаграммы" data-testid="chart-indicator"
            options={columns.map((i) => ({ value: i.code, label: i.name }))} />
        </Col>
      </Row>
      <div data-testid="comparison-chart">
        <EChart option={option} className={rows.length > 30 ? 'chart-tall' : 'chart'}
          label={`${chartedIndicator?.name ?? ''}: значения по ${byMunicipality ? 'муниципалитетам' : 'школам'}`}
          onClick={(p) => { const id = (p.data as { id?: string })?.id; const part = rows.find((r) => r.key === id)?.part; if (part) onOpenPart(part); }} />
      </div>
    </Card>
  );
}
