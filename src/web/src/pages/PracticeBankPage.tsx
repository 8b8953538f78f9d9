import { useCallback, useEffect, useRef, useState } from 'react';
import { AutoComplete, Button, Card, Checkbox, Col, Empty, Input, List, Row, Select, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql';
import type { PracticeFilter, PracticeSort, PracticeBankSearchQuery } from '../gql/graphql';
import { ErrorAlert } from '../components/ErrorAlert';
import { highlightParts } from '../lib/highlight';
import { EVIDENCE_LEVEL, PRACTICE_STATUS } from '../lib/labels';
import { formatInt } from '../lib/format';
import type { CombinedError } from 'urql';

const SuggestQuery = graphql(`
  query PracticeSuggest($prefix: String!) { practiceSuggestions(prefix: $prefix, limit: 8) { id title text } }
`);

const SearchQuery = graphql(`
  query PracticeBankSearch($query: String, $filter: PracticeFilter, $sort: PracticeSort, $after: String) {
    searchPractices(query: $query, filter: $filter, sort: $sort, first: 10, after: $after) {
      totalCount tookMs
      pageInfo { hasNextPage endCursor }
      edges {
        cursor
        node { id title summary status grades evidenceLevel adoptionCount improvedAdoptionCount authorSchool { name municipalityName } }
        highlights { field fragments }
      }
      facets {
        subjects { value label count selected } grades { value label count selected }
        riskFactors { value label count selected } levels { value label count selected }
        evidenceLevels { value label count selected } municipalities { value label count selected }
      }
    }
  }
`);

type Connection = PracticeBankSearchQuery['searchPractices'];
type FacetKey = 'subjects' | 'grades' | 'riskFactors' | 'levels' | 'evidenceLevels' | 'municipalities';

const FACETS: { key: FacetKey; title: string; filter: keyof PracticeFilter }[] = [
  { key: 'subjects', title: 'Предмет, направление', filter: 'subjects' },
  { key: 'grades', title: 'Классы', filter: 'grades' },
  { key: 'riskFactors', title: 'Фактор риска', filter: 'riskFactors' },
  { key: 'levels', title: 'Уровень', filter: 'levels' },
  { key: 'evidenceLevels', title: 'Доказанность', filter: 'evidenceLevels' },
  { key: 'municipalities', title: 'Муниципалитет', filter: 'municipalityIds' },
];

const SORTS: { value: PracticeSort; label: string }[] = [
  { value: 'RELEVANCE', label: 'По соответствию' },
  { value: 'EVIDENCE', label: 'По доказанности эффекта' },
  { value: 'NEWEST', label: 'Сначала новые' },
];

function Highlighted({ fragment }: { fragment: string }) {
  return <>{highlightParts(fragment).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}</>;
}

export default function PracticeBankPage() {
  const client = useClient();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Record<string, (string | number)[]>>({});
  const [sort, setSort] = useState<PracticeSort>('RELEVANCE');
  const [result, setResult] = useState<Connection | null>(null);
  const [resultQuery, setResultQuery] = useState<string | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  const prefix = text.trim();
  const [suggestions] = useQuery({ query: SuggestQuery, variables: { prefix }, pause: prefix.length < 2 });
  // data-prefix names the prefix the shown suggestions answer (the browser test times keystroke → rendered suggestions).
  const answered = suggestions.operation?.variables?.prefix;
  const options = prefix.length < 2 ? [] : (suggestions.data?.practiceSuggestions ?? []).map((s) => ({
    value: s.title,
    label: <span data-testid="suggestion" data-prefix={answered} data-id={s.id}>{s.title}</span>,
  }));

  const filterInput = useCallback((): PracticeFilter => {
    const f: PracticeFilter = {};
    for (const facet of FACETS) {
      const values = filter[facet.filter as string];
      if (values?.length) (f as Record<string, unknown>)[facet.filter] = facet.key === 'grades' ? values.map(Number) : values;
    }
    return f;
  }, [filter]);

  const run = useCallback(async (after?: string) => {
    const id = ++latest.current;
    setLoading(true);
    const r = await client.query(SearchQuery, { query: query || null, filter: filterInput(), sort, after: after ?? null },
      { requestPolicy: 'network-only' }).toPromise();
    if (id !== latest.current) return;
    setLoading(false);
    setError(r.error);
    if (!r.data) return;
    const page = r.data.searchPractices;
    setResult((previous) => (after && previous ? { ...page, edges: [...previous.edges, ...page.edges] } : page));
    setResultQuery(query);
  }, [client, query, filterInput, sort]);

  useEffect(() => { void run(); }, [run]);

  const toggle = (key: string, values: (string | number)[]) => setFilter((f) => ({ ...f, [key]: values }));

  return (
    <>
      <Typography.Title level={2} className="page-title">Банк практик</Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: '100%' }}>
          <AutoComplete style={{ width: '100%' }} options={options} value={text} onChange={setText}
            defaultActiveFirstOption={false} onSelect={(value) => setQuery(String(value))}>
            <Input.Search aria-label="Поиск практик" placeholder="Например: наставничество молодых педагогов" size="large"
              enterButton="Найти" onSearch={(v) => setQuery(v.trim())} data-testid="practice-search" allowClear />
          </AutoComplete>
        </Space.Compact>
      </Card>
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Card title="Фильтры" size="small" data-testid="facets"
            extra={Object.values(filter).some((v) => v.length) && <Button size="small" type="link" onClick={() => setFilter({})}>Сбросить</Button>}>
            {FACETS.map((facet) => {
              const buckets = result?.facets[facet.key] ?? [];
              if (buckets.length === 0) return null;
              return (
                <div key={facet.key} style={{ marginBottom: 12 }} data-testid={`facet-${facet.key}`}>
                  <Typography.Text strong>{facet.title}</Typography.Text>
                  <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }}
                    value={filter[facet.filter as string] ?? []}
                    onChange={(v) => toggle(facet.filter as string, v as (string | number)[])}
                    options={buckets.map((b) => ({ value: b.value, label: `${b.label} (${b.count})` }))} />
                </div>
              );
            })}
          </Card>
        </Col>
        <Col xs={24} md={17}>
          <ErrorAlert error={error} />
          <Space style={{ marginBottom: 8, justifyContent: 'space-between', width: '100%' }}>
            <Typography.Text data-testid="results-count">
              {result ? `Найдено: ${formatInt(result.totalCount)}` : 'Поиск…'}{loading && <Spin size="small" style={{ marginLeft: 8 }} />}
            </Typography.Text>
            <Select aria-label="Сортировка" value={sort} onChange={setSort} options={SORTS} style={{ width: 240 }} />
          </Space>
          {result && result.edges.length === 0 && <Empty description="Ничего не найдено: измените запрос или фильтры" />}
          {result && result.edges.length > 0 && (
            <div data-testid="results" data-query={resultQuery ?? ''}><List itemLayout="vertical" dataSource={result.edges}
              renderItem={(edge) => {
                const p = edge.node;
                const fragments = edge.highlights.flatMap((h) => h.fragments).slice(0, 2);
                return (
                  <List.Item key={p.id} data-testid="result">
                    <List.Item.Meta
                      title={<Space wrap>
                        <Link to={`/practices/${p.id}`}>{p.title}</Link>
                        {p.status !== 'APPROVED' && <Tag color={PRACTICE_STATUS[p.status].color}>{PRACTICE_STATUS[p.status].label}</Tag>}
                        <Tag color={EVIDENCE_LEVEL[p.evidenceLevel].color}>{EVIDENCE_LEVEL[p.evidenceLevel].label}</Tag>
                      </Space>}
                      description={<>{p.authorSchool?.name}{p.authorSchool?.municipalityName ? `, ${p.authorSchool.municipalityName}` : ''}
                        {p.grades.length > 0 && ` · ${p.grades.join(', ')} кл.`}
                        {p.adoptionCount > 0 && ` · внедрили: ${p.adoptionCount}, с ростом результатов: ${p.improvedAdoptionCount}`}</>}
                    />
                    {fragments.length > 0
                      ? fragments.map((f, i) => <div key={i} className="highlight"><Highlighted fragment={f} /></div>)
                      : <div>{p.summary}</div>}
                  </List.Item>
                );
              }} /></div>
          )}
          {result?.pageInfo.hasNextPage && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={() => run(result.pageInfo.endCursor ?? undefined)} loading={loading}>Показать ещё</Button>
            </div>
          )}
        </Col>
      </Row>
    </>
  );
}
