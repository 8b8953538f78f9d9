// Region network graph elements: schools placed by their coordinates, network pairs as edges.
import { mainStatus, STATUS_COLORS } from './status';

export interface GraphSchool {
  id: string;
  name: string;
  latitude?: number | null;
  longitude?: number | null;
  currentStatuses: readonly string[];
}

export interface GraphPair {
  id: string;
  status: string;
  mentee: { id: string };
  leader: { id: string };
}

export interface GraphElement {
  group: 'nodes' | 'edges';
  data: Record<string, string>;
  position?: { x: number; y: number };
}

/** Equirectangular projection scaled to about 1000 px across the region; north is up. */
export function project(schools: readonly GraphSchool[]): Map<string, { x: number; y: number }> {
  const located = schools.filter((s) => s.latitude != null && s.longitude != null);
  const positions = new Map<string, { x: number; y: number }>();
  if (!located.length) return positions;
  const lats = located.map((s) => s.latitude!);
  const lons = located.map((s) => s.longitude!);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const kx = Math.cos((midLat * Math.PI) / 180);
  const width = Math.max((Math.max(...lons) - Math.min(...lons)) * kx, Math.max(...lats) - Math.min(...lats), 1e-6);
  const scale = 1000 / width;
  const minLon = Math.min(...lons);
  const maxLat = Math.max(...lats);
  for (const s of located) positions.set(s.id, { x: (s.longitude! - minLon) * kx * scale, y: (maxLat - s.latitude!) * scale });
  return positions;
}

export function graphElements(schools: readonly GraphSchool[], pairs: readonly GraphPair[]): GraphElement[] {
  const positions = project(schools);
  const ids = new Set(schools.map((s) => s.id));
  const unplaced = schools.filter((s) => !positions.has(s.id));
  unplaced.forEach((s, i) => positions.set(s.id, { x: -100 - (i % 10) * 20, y: Math.floor(i / 10) * 20 }));
  const nodes: GraphElement[] = schools.map((s) => {
    const status = mainStatus(s.currentStatuses);
    return { group: 'nodes', data: { id: s.id, label: s.name, status, color: STATUS_COLORS[status] }, position: positions.get(s.id) };
  });
  const edges: GraphElement[] = pairs
    .filter((p) => ids.has(p.mentee.id) && ids.has(p.leader.id))
    .map((p) => ({ group: 'edges', data: { id: `pair-${p.id}`, source: p.mentee.id, target: p.leader.id, status: p.status } }));
  return [...nodes, ...edges];
}
