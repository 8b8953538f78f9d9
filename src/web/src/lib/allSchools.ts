import type { Client } from 'urql';
import { graphql } from '../gql';
import type { SchoolFilter, SchoolsPageQuery as SchoolsPageResult } from '../gql/graphql';

export const SchoolsPageQuery = graphql(`
  query SchoolsPage($filter: SchoolFilter, $first: Int, $after: String) {
    schools(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id name type locality enrolment smallSchool latitude longitude regionId
          municipality { id name }
          currentStatuses
        }
      }
    }
  }
`);

export type SchoolRowData = NonNullable<Awaited<ReturnType<typeof loadAllSchools>>>[number];

/** Every school matching the filter, page by page (the API serves at most 200 per page). */
export async function loadAllSchools(client: Client, filter: SchoolFilter) {
  const rows: SchoolsPageResult['schools']['edges'][number]['node'][] = [];
  let after: string | null | undefined = null;
  for (;;) {
    const result: { data?: SchoolsPageResult; error?: unknown } = await client.query(SchoolsPageQuery, { filter, first: 200, after }, { requestPolicy: 'network-only' }).toPromise();
    if (result.error) throw result.error;
    const page: SchoolsPageResult['schools'] = result.data!.schools;
    rows.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}
