import { useEffect, useRef, useState } from 'react';
import { Card, Space, Switch, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useClient, type Client, type CombinedError } from 'urql';
import cytoscape from 'cytoscape';
import { graphql } from '../gql';
import { useTerritory } from '../lib/useTerritory';
import { loadAllSchools } from '../lib/allSchools';
import { graphElements, type GraphPair, type GraphSchool } from '../lib/graph';
import { QueryState } from '../components/QueryState';
import { SCHOOL_STATUSES, STATUS_COLORS, STATUS_LABELS } from '../lib/status';
import { formatInt } from '../lib/format';

const GraphPairsQuery = graphql(`
  query GraphPairs($regionId: ID!, $filter: NetworkPairFilter, $after: String) {
    networkPairs(regionId: $regionId, filter: $filter, first: 200, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id status mentee { id } leader { id } } }
    }
  }
`);

async function loadPairs(client: Client, regionId: string, municipalityId: string | null, openOnly: boolean) {
  const pairs: GraphPair[] = [];
  let after: string | null | undefined = null;
  const filter = { municipalityId, statuses: openOnly ? ['PROPOSED', 'AGREED', 'ACTIVE'] as const : undefined };
  for (;;) {
    const r: { data?: { networkPairs: { pageInfo: { hasNextPage: boolean; endCursor?: string | null }; edges: { node: GraphPair }[] } }; error?: CombinedError } =
      await client.query(GraphPairsQuery, { regionId, filter: { ...filter, statuses: filter.statuses ? [...filter.statuses] : undefined }, after },
        { requestPolicy: 'network-only' }).toPromise();
    if (r.error) throw r.error;
    pairs.push(...r.data!.networkPairs.edges.map((e) => e.node));
    if (!r.data!.networkPairs.pageInfo.hasNextPage) return pairs;
    after = r.data!.networkPairs.pageInfo.endCursor;
  }
}

export default function GraphPage() {
  const territory = useTerritory();
  const client = useClient();
  const navigate = useNavigate();
  const host = useRef<HTMLDivElement>(null);
  const [data, setData] = useState<{ schools: GraphSchool[]; pairs: GraphPair[] } | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  const [openOnly, setOpenOnly] = useState(true);
  const [renderMs, setRenderMs] = useState<number | null>(null);

  useEffect(() => {
    if (!territory.regionId) return;
    let live = true;
    setData(null);
    Promise.all([
      loadAllSchools(client, { regionId: territory.regionId, municipalityId: territory.municipalityId }),
      loadPairs(client, territory.regionId, territory.municipalityId, openOnly),
    ]).then(([schools, pairs]) => live && setData({ schools, pairs }))
      .catch((e) => live && setError(e));
    return () => { live = false; };
  }, [client, territory.regionId, territory.municipalityId, openOnly]);

  useEffect(() => {
    if (!data || !host.current) return;
    const started = performance.now();
    const cy = cytoscape({
      container: host.current,
      elements: graphElements(data.schools, data.pairs),
      layout: { name: 'preset', fit: true, padding: 20 },
      // Drawing shortcuts that keep 800 nodes smooth while panning and zooming.
      textureOnViewport: true,
      hideEdgesOnViewport: true,
      pixelRatio: 1,
      minZoom: 0.2,
      maxZoom: 8,
      style: [
        { selector: 'node', style: { 'background-color': 'data(color)', width: 10, height: 10, label: 'data(label)', 'font-size': 4, 'min-zoomed-font-size': 8, 'text-valign': 'top' } },
        { selector: 'node[status = "NONE"]', style: { width: 6, height: 6 } },
        { selector: 'edge', style: { width: 2, 'line-color': '#1d5fa8', 'curve-style': 'straight', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#1d5fa8', 'arrow-scale': 0.6 } },
        { selector: 'edge[status = "PROPOSED"]', style: { 'line-style': 'dashed' } },
        { selector: 'node:selected', style: { 'border-width': 2, 'border-color': '#000' } },
      ],
    });
    cy.on('tap', 'node', (event) => navigate(`/schools/${event.target.id()}`));
    cy.one('render', () => {
      const ms = Math.round(performance.now() - started);
      setRenderMs(ms);
      host.current?.setAttribute('data-render-ms', String(ms));
    });
    host.current.setAttribute('data-nodes', String(cy.nodes().length));
    host.current.setAttribute('data-edges', String(cy.edges().length));
    host.current.setAttribute('data-pair-ids', data.pairs.map((p) => p.id).join(' '));
    return () => cy.destroy();
  }, [data, navigate]);

  return (
    <>
      <Typography.Title level={2} className="page-title">Граф сети</Typography.Title>
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          {SCHOOL_STATUSES.map((s) => <Tag key={s} color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>)}
          <Tag color={STATUS_COLORS.NONE}>Без статуса</Tag>
          <label><Switch size="small" checked={!openOnly} onChange={(v) => setOpenOnly(!v)} aria-label="Показывать завершённые и отменённые пары" /> завершённые и отменённые пары</label>
          {data && <span className="muted" data-testid="graph-counts">Школ: {formatInt(data.schools.length)}, пар: {formatInt(data.pairs.length)}{renderMs != null ? `, отрисовка ${formatInt(renderMs)} мс` : ''}</span>}
        </Space>
        <QueryState fetching={!data && !error} error={error} empty={!!data && data.schools.length === 0} emptyText="Нет школ">
          <div ref={host} className="graph" data-testid="graph" role="img" aria-label="Граф сети: школы по координатам, рёбра — сетевые пары. Нажмите на школу, чтобы открыть её." />
        </QueryState>
      </Card>
    </>
  );
}
