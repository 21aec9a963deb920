import { getSegment } from '../../api/catalog-api';
import { DetailsList } from '../../components/details-list';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Link } from '../../router/link';
import '../../styles/catalog.css';
import { formatSegmentType } from './catalog-format';
import { CatalogSection } from './catalog-section';

export function SegmentPage({ id }: { id: string }) {
  const { data: segment, error, loading } = useApiData(`segment:${id}`, () => getSegment(id));
  const title = segment?.name ?? 'Segment';
  useDocumentTitle(title);

  return (
    <>
      <PageHeader title={title} back={<Link to="/segments">← Segments</Link>} />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !segment} />
      {segment ? (
        <div className="catalog-stack">
          <CatalogSection id="segment-details" title="Details">
            <DetailsList
              items={[
                { term: 'Id', value: <code>{segment.id}</code> },
                { term: 'Type', value: formatSegmentType(segment.type) },
                { term: 'Sync status', value: segment.initial_sync_status ?? '—' },
                { term: 'Created', value: formatDate(segment.created_at) },
                { term: 'Updated', value: formatDate(segment.updated_at) },
              ]}
            />
          </CatalogSection>
          <CatalogSection id="segment-filter" title="Filter">
            {segment.filter ? (
              <pre className="catalog-json">{JSON.stringify(segment.filter, null, 2)}</pre>
            ) : (
              <p className="catalog-empty">No filter: a static segment lists its customers.</p>
            )}
          </CatalogSection>
          <CatalogSection id="segment-members" title="Members">
            <p className="catalog-empty">
              The API does not count a segment's customers or list them yet; a customer's page shows the segments they
              are in.
            </p>
          </CatalogSection>
        </div>
      ) : null}
    </>
  );
}
