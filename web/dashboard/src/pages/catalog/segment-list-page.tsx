import { PAGE_SIZE } from '../../api/campaign-api';
import { listSegments } from '../../api/catalog-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDate } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { formatSegmentType } from './catalog-format';
import { buildListHref, ListControls, LookupForm, readListRequest, toListKey } from './list-controls';

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
];

export function SegmentListPage({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Segments');
  const request = readListRequest(query, []);
  const key = toListKey('segments', request);
  const { data, error, loading } = useApiData(key, () => listSegments(request));
  const segments = data?.data ?? [];

  return (
    <>
      <PageHeader title="Segments" />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath="/segments"
          label="Sort segments"
          fields={[]}
          sortOptions={SORTS}
          request={request}
          hint="The API cannot search segments: sort the list by name to scan it, or open one by its id."
        />
        <LookupForm label="Segment id" button="Open segment" pathOf={(id) => buildPath('segments', id)} />
      </div>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && segments.length === 0 ? <p>No segments yet.</p> : null}
      {segments.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Segments</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {segments.map((segment) => (
                <tr key={segment.id}>
                  <th scope="row">
                    <Link to={buildPath('segments', segment.id)}>{segment.name}</Link>
                  </th>
                  <td>{formatSegmentType(segment.type)}</td>
                  <td>{formatDate(segment.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pager
          label="Segment pages"
          page={request.page}
          pageSize={PAGE_SIZE}
          shown={segments.length}
          total={data.total}
          hrefOf={(page) => buildListHref('/segments', request, page)}
        />
      ) : null}
    </>
  );
}
