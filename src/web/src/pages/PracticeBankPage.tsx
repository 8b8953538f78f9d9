import { memo, useCallback, useDeferredValue, useEffect, useRef, useState } from 'react';
import { AutoComplete, Button, Card, Checkbox, Col, Empty, Input, Row, Select, Space, Spin, Tag, Typography } from 'antd';
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
  query PracticeSuggest($prefix: String!) { practiceSuggestions(prefix: $prefix, limit: 8) { id title } }
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

const FACETS: { key: FacetKey; title: string; filter: keyof PracticeFilter & string }[] = [
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

// Rendering cost matters here (search as you type): the box keeps its own text, so a keystroke re-renders only the box;
// the hits and the facets are memoised and re-render only for a new result; the facets render after the hits
// (deferred), each showing its top values with «ещё».

/** The search box with suggestions as you type. */
const SearchBox = memo(function SearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const [text, setText] = useState('');
  const prefix = text.trim();
  const [suggestions] = useQuery({ query: SuggestQuery, variables: { prefix }, pause: prefix.length < 2 });
  // data-prefix names the prefix the shown suggestions answer (the browser test times keystroke → rendered suggestions).
  const answered = suggestions.operation?.variables?.prefix;
  const options = prefix.length < 2 ? [] : (suggestions.data?.practiceSuggestions ?? []).map((s) => ({
    value: s.title,
    label: <span data-testid="suggestion" data-prefix={answered} data-id={s.id}>{s.title}</span>,
  }));
  return (
    <Card style={{ marginBottom: 16 }}>
      <AutoComplete style={{ width: '100%' }} options={options} value={text} onChange={setText}
        defaultActiveFirstOption={false} onSelect={(value) => onSearch(String(value))}>
        <Input.Search aria-label="Поиск практик" placeholder="Например: наставничество молодых педагогов" size="large"
          enterButton="Найти" onSearch={(v) => onSearch(v.trim())} data-testid="practice-search" allowClear />
      </AutoComplete>
    </Card>
  );
});

/** One page of hits with their highlighted fragments. */
const Results = memo(function Results({ edges, query }: { edges: Connection['edges']; query: string }) {
  return (
    <div data-testid="results" data-query={query}>
      {edges.map((edge) => {
        const p = edge.node;
        const fragments = edge.highlights.flatMap((h) => h.fragments).slice(0, 2);
        return (
          <div key={p.id} className="search-result" data-testid="result">
            <div className="search-result-title">
              <Link to={`/practices/${p.id}`}>{p.title}</Link>
              {p.status !== 'APPROVED' && <Tag color={PRACTICE_STATUS[p.status].color}>{PRACTICE_STATUS[p.status].label}</Tag>}
              <Tag color={EVIDENCE_LEVEL[p.evidenceLevel].color}>{EVIDENCE_LEVEL[p.evidenceLevel].label}</Tag>
            </div>
            <div className="search-result-meta" data-testid="result-meta">
              {p.authorSchool?.name}{p.authorSchool?.municipalityName ? `, ${p.authorSchool.municipalityName}` : ''}
              {p.grades.length > 0 && ` · ${p.grades.join(', ')} кл.`}
              {p.adoptionCount > 0 && ` · внедрили: ${p.adoptionCount}, с ростом результатов: ${p.improvedAdoptionCount}`}
            </div>
            {fragments.length > 0
              ? fragments.map((f, i) => <div key={i} className="highlight"><Highlighted fragment={f} /></div>)
              : <div>{p.summary}</div>}
          </div>
        );
      })}
    </div>
  );
});

const FACET_TOP = 6;

/** One facet: its top values (and the selected ones), the rest behind «ещё». */
function Facet({ title, testId, buckets, value, onChange }: {
  title: string; testId: string; buckets: Connection['facets'][FacetKey]; value: (string | number)[];
  onChange: (values: (string | number)[]) => void;
}) {
  const [all, setAll] = useState(false);
  const shown = all ? buckets : buckets.filter((b, i) => i < FACET_TOP || value.includes(b.value));
  return (
    <div style={{ marginBottom: 12 }} data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      <Checkbox.Group style={{ display: 'flex', flexDirection: 'column' }} value={value}
        onChange={(v) => onChange(v as (string | number)[])}
        options={shown.map((b) => ({ value: b.value, label: `${b.label} (${b.count})` }))} />
      {buckets.length > shown.length && (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAll(true)}>ещё {buckets.length - shown.length}</Button>
      )}
    </div>
  );
}

const Facets = memo(function Facets({ facets, query, filter, onToggle }: {
  facets: Connection['facets'] | undefined; query: string | undefined; filter: Record<string, (string | number)[]>;
  onToggle: (key: string, values: (string | number)[]) => void;
}) {
  return (
    <Card title="Фильтры" size="small" data-testid="facets" data-query={query}
      extra={Object.values(filter).some((v) => v.length) && <Button size="small" type="link" onClick={() => FACETS.forEach((f) => onToggle(f.filter, []))}>Сбросить</Button>}>
      {FACETS.map((facet) => {
        const buckets = facets?.[facet.key] ?? [];
        if (buckets.length === 0) return null;
        return <Facet key={facet.key} title={facet.title} testId={`facet-${facet.key}`} buckets={buckets}
          value={filter[facet.filter] ?? []} onChange={(v) => onToggle(facet.filter, v)} />;
      })}
    </Card>
  );
});

interface Shown { result: Connection; query: string }

export default function PracticeBankPage() {
  const client = useClient();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Record<string, (string | number)[]>>({});
  const [sort, setSort] = useState<PracticeSort>('RELEVANCE');
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<CombinedError | undefined>();
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  // The facets follow the hits: React renders the new hits first and the facets right after.
  const facetsShown = useDeferredValue(shown);
  const result = shown?.result ?? null;

  const filterInput = useCallback((): PracticeFilter => {
    const f: PracticeFilter = {};
    for (const facet of FACETS) {
      const values = filter[facet.filter];
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
    setShown((previous) => ({ query,
      result: after && previous ? { ...page, edges: [...previous.result.edges, ...page.edges] } : page }));
  }, [client, query, filterInput, sort]);

  useEffect(() => { void run(); }, [run]);

  const onToggle = useCallback((key: string, values: (string | number)[]) => setFilter((f) => ({ ...f, [key]: values })), []);

  return (
    <>
      <Typography.Title level={2} className="page-title">Банк практик</Typography.Title>
      <SearchBox onSearch={setQuery} />
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Facets facets={facetsShown?.result.facets} query={facetsShown?.query} filter={filter} onToggle={onToggle} />
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
          {shown && result && result.edges.length > 0 && <Results edges={result.edges} query={shown.query} />}
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
