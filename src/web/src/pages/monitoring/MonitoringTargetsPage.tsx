import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, InputNumber, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery } from 'urql';
import { useCaller } from '../../auth/CallerContext';
import { useTerritory } from '../../lib/useTerritory';
import { useAction } from '../../lib/useAction';
import { QueryState } from '../../components/QueryState';
import {
  EVALUATION_LABELS, EVALUATION_TAG_COLORS, formatFigureValue, groupSpans, formatTarget, inputFromPlanned, plannedFromInput,
} from '../../lib/monitoring';
import type { MonitoringFigureFieldsFragment, MonitoringTerritoryInput } from '../../gql/graphql';
import { DashboardQuery, SetTargetMutation } from './queries';

type Figure = MonitoringFigureFieldsFragment;
const REGION = '__region__';

/**
 * Planned values per indicator and year: the regional coordinator sets the region's and any municipality's, a
 * municipal coordinator their municipality's (the API checks both, and that a municipality's is not weaker).
 */
export default function MonitoringTargetsPage() {
  const caller = useCaller();
  const territory = useTerritory();
  const now = new Date().getFullYear();
  const [year, setYear] = useState(now);
  const [chosen, setChosen] = useState<string>(REGION);
  const municipalityId = territory.municipalityId ?? (chosen === REGION ? null : chosen);
  const input: MonitoringTerritoryInput | null = territory.regionId
    ? { regionId: territory.regionId, municipalityId: municipalityId ?? undefined } : null;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DashboardQuery, variables: { territory: input ?? { regionId: '' }, year }, pause: !input,
  });
  const dashboard = data?.monitoringDashboard;
  const [drafts, setDrafts] = useState<Record<string, number | null>>({});
  const [, setTarget] = useMutation(SetTargetMutation);
  const reload = () => { setDrafts({}); refetch({ requestPolicy: 'network-only' }); };
  const run = useAction(reload);

  const years = useMemo(() => [...new Set([now + 1, now, ...(dashboard?.years ?? []), now - 1, now - 2])].sort((a, b) => b - a), [dashboard, now]);
  const spans = useMemo(() => groupSpans((dashboard?.figures ?? []).map((f) => f.indicator.group)), [dashboard]);
  const regional = caller.roles.includes('REGIONAL_COORDINATOR') || caller.roles.includes('ADMIN');

  const save = (f: Figure, plannedValue: number | null) => input && run(
    () => setTarget({ input: { territory: input, code: f.indicator.code, year, plannedValue } }),
    plannedValue == null ? `Цель «${f.indicator.name}» снята` : `Цель «${f.indicator.name}» сохранена`);

  return (
    <>
      <Typography.Title level={2} className="page-title" data-testid="targets-title">Целевые значения показателей</Typography.Title>
      <Typography.Paragraph type="secondary">
        Регион задаёт плановые значения на год; муниципалитет может задать свои, не ниже региональных.
        Без своей цели муниципалитет оценивается по цели региона. Доли вводятся в процентах.
      </Typography.Paragraph>
      <Card>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col>
            <Space>
              <span id="targets-territory-label">Территория</span>
              {territory.municipalityId ? <Typography.Text strong>{territory.municipalities[0]?.name ?? territory.municipalityId}</Typography.Text> : (
                <Select aria-labelledby="targets-territory-label" value={chosen} onChange={(v) => { setChosen(v); setDrafts({}); }}
                  style={{ width: 320 }} data-testid="targets-territory" showSearch optionFilterProp="label"
                  options={[{ value: REGION, label: `Регион: ${territory.regionName ?? ''}` },
                    ...territory.municipalities.map((m) => ({ value: m.id, label: m.name }))]} />
              )}
            </Space>
          </Col>
          <Col>
            <Space>
              <span id="targets-year-label">Год</span>
              <Select aria-labelledby="targets-year-label" value={year} onChange={(y) => { setYear(y); setDrafts({}); }} style={{ width: 110 }}
                data-testid="targets-year" options={years.map((y) => ({ value: y, label: `${y}` }))} />
            </Space>
          </Col>
        </Row>
        {!regional && municipalityId == null && <Alert type="info" showIcon title="Цели региона задаёт региональный координатор" />}
        <QueryState fetching={fetching} error={error} empty={!dashboard} emptyText="Нет показателей">
          <Table<Figure> size="small" rowKey={(f) => f.indicator.code} dataSource={dashboard?.figures ?? []} pagination={false}
            data-testid="targets-table" scroll={{ x: 1000 }} bordered
            columns={[
              { title: 'Раздел', key: 'group', width: 150, render: (_: unknown, f) => f.indicator.group,
                onCell: (_, index) => ({ rowSpan: spans[index ?? 0] }) },
              { title: 'Показатель', key: 'name', render: (_: unknown, f) => f.indicator.name },
              { title: `Факт ${year - 1}`, key: 'previous', align: 'right', width: 100, render: (_: unknown, f) => formatFigureValue(f.previousValue, f.indicator.unit) },
              { title: `Факт ${year}`, key: 'value', align: 'right', width: 100, render: (_: unknown, f) => formatFigureValue(f.value, f.indicator.unit) },
              { title: 'Действующая цель', key: 'target', width: 150, render: (_: unknown, f) => (
                <span data-testid={`target-${f.indicator.code}`}>{formatTarget(f)}
                  {f.target && <Tag style={{ marginLeft: 6 }}>{f.target.inherited ? 'региона' : 'своя'}</Tag>}</span>) },
              { title: 'Оценка', key: 'evaluation', width: 130, render: (_: unknown, f) => (
                <Tag color={EVALUATION_TAG_COLORS[f.evaluation]}>{EVALUATION_LABELS[f.evaluation]}</Tag>) },
              { title: 'Новая цель', key: 'edit', width: 330, render: (_: unknown, f) => {
                const own = f.target && !f.target.inherited ? f.target.plannedValue : null;
                const draft = f.indicator.code in drafts ? drafts[f.indicator.code] : inputFromPlanned(own, f.indicator.unit);
                const share = f.indicator.unit === 'SHARE';
                return (
                  <Space>
                    <InputNumber<number> value={draft} min={0} max={share ? 100 : undefined} step={share ? 1 : 1} decimalSeparator=","
                      precision={share ? 1 : 0} style={{ width: 130 }} suffix={share ? '%' : undefined}
                      prefix={f.indicator.direction === 'HIGHER_IS_BETTER' ? '≥' : '≤'}
                      aria-label={`Цель: ${f.indicator.name}`} data-testid={`target-input-${f.indicator.code}`}
                      onChange={(v) => setDrafts((d) => ({ ...d, [f.indicator.code]: v }))} />
                    <Button size="small" type="primary" disabled={draft == null} data-testid={`target-save-${f.indicator.code}`}
                      onClick={() => save(f, plannedFromInput(draft, f.indicator.unit))}>Сохранить</Button>
                    {own != null && (
                      <Popconfirm title="Снять цель?" okText="Снять" cancelText="Отмена" onConfirm={() => save(f, null)}>
                        <Button size="small" danger>Снять</Button>
                      </Popconfirm>
                    )}
                  </Space>
                );
              } },
            ]} />
        </QueryState>
      </Card>
    </>
  );
}
