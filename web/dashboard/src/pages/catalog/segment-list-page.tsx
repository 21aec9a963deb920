import { listSegments } from '../../api/catalog-api';
import { formatDate } from '../../lib/format';
import { buildPath, Link } from '../../router/link';
import { formatSegmentType } from './catalog-format';
import { CatalogList } from './catalog-list';

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
];

export function SegmentListPage({ query }: { query: URLSearchParams }) {
  return (
    <CatalogList
      query={query}
      title="Segments"
      basePath="/segments"
      listKey="segments"
      load={listSegments}
      rowsOf={(answer) => answer.data}
      searchLabel="Search segments"
      searchFieldLabel="Search segments by name or id"
      sortOptions={SORTS}
      hint="The search finds part of a segment's name or id, whatever the case."
      lookup={{ label: 'Segment id', button: 'Open segment', pathOf: (id) => buildPath('segments', id) }}
      emptyText="No segments match."
      caption="Segments"
      pagerLabel="Segment pages"
      columns={[
        { header: 'Name', cell: (segment) => <Link to={buildPath('segments', segment.id)}>{segment.name}</Link> },
        { header: 'Type', cell: (segment) => formatSegmentType(segment.type) },
        { header: 'Created', cell: (segment) => formatDate(segment.created_at) },
      ]}
    />
  );
}
