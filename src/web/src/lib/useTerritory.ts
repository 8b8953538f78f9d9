import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useCaller } from '../auth/CallerContext';
import { fixedMunicipality } from './access';

const RegionsQuery = graphql(`
  query Regions {
    regions { id name schoolCount municipalities { id name schoolCount } }
  }
`);

export interface Territory {
  regionId: string | null;
  regionName: string | null;
  /** Set for a municipal coordinator: every list is narrowed to it. */
  municipalityId: string | null;
  municipalities: { id: string; name: string }[];
  fetching: boolean;
}

/** The caller's region (an administrator gets the first region) and the municipalities they may see. */
export function useTerritory(): Territory {
  const caller = useCaller();
  const [{ data, fetching }] = useQuery({ query: RegionsQuery, requestPolicy: 'cache-first' });
  const regions = data?.regions ?? [];
  const region = regions.find((r) => r.id === caller.regionId) ?? (caller.regionId ? null : regions[0]) ?? null;
  const fixed = fixedMunicipality(caller);
  const municipalities = (region?.municipalities ?? []).filter((m) => fixed == null || m.id === fixed);
  return {
    regionId: caller.regionId ?? region?.id ?? null,
    regionName: region?.name ?? null,
    municipalityId: fixed,
    municipalities,
    fetching,
  };
}
