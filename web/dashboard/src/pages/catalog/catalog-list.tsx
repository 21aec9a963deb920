import type { ListPage } from '../../api/api-types';
import { PAGE_SIZE } from '../../api/campaign-api';
import type { ListRequest } from '../../api/catalog-api';
import { DataTable, type TableColumn } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../../styles/catalog.css';
import {
  buildListHref,
  type FilterField,
  ListControls,
  LookupForm,
  readListRequest,
  type SortOption,
  toListKey,
} from './list-controls';

export type CatalogColumn<Row> = TableColumn<Row>;

interface CatalogListProps<Answer extends ListPage, Row extends { id: string }> {
  /** The page's heading and browser tab name. */
  title: string;
  /** The list's dashboard path, e.g. `/customers`. */
  basePath: string;
  /** Names what the list loads, so a new filter or page loads again. */
  listKey: string;
  load: (request: ListRequest) => Promise<Answer>;
  rowsOf: (answer: Answer) => readonly Row[];
  /** The search form's name, e.g. "Search customers". */
  searchLabel: string;
  /** The search box's label, naming the fields it looks in, e.g. "Search customers by name, email or id". */
  searchFieldLabel: string;
  /** Exact filters the API also supports for this list, beside the search. */
  fields?: readonly FilterField[];
  sortOptions: readonly SortOption[];
  hint: string;
  lookup: { label: string; button: string; pathOf: (ref: string) => string };
  emptyText: string;
  caption: string;
  pagerLabel: string;
  /** The first column is the row's header, so it should name the row (usually a link to it). */
  columns: readonly CatalogColumn<Row>[];
}

const NO_FIELDS: readonly FilterField[] = [];

/** A catalog list page: search, filter and sort controls, a lookup by id, the table of one page, and a pager. */
export function CatalogList<Answer extends ListPage, Row extends { id: string }>({
  query,
  title,
  basePath,
  listKey,
  load,
  rowsOf,
  searchLabel,
  searchFieldLabel,
  fields = NO_FIELDS,
  sortOptions,
  hint,
  lookup,
  emptyText,
  caption,
  pagerLabel,
  columns,
}: CatalogListProps<Answer, Row> & { query: URLSearchParams }) {
  useDocumentTitle(title);
  const request = readListRequest(query, fields);
  const key = toListKey(listKey, request);
  const { data, error, loading } = useApiData(key, () => load(request));
  // Reads like `data?.customers ?? []`: an answer without its array shows as an empty list.
  const rows: readonly Row[] = (data ? rowsOf(data) : undefined) ?? [];

  return (
    <>
      <PageHeader title={title} />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath={basePath}
          label={searchLabel}
          searchFieldLabel={searchFieldLabel}
          fields={fields}
          sortOptions={sortOptions}
          request={request}
          hint={hint}
        />
        <LookupForm label={lookup.label} button={lookup.button} pathOf={lookup.pathOf} />
      </div>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && rows.length === 0 ? <p>{emptyText}</p> : null}
      {rows.length > 0 ? <DataTable caption={caption} columns={columns} rows={rows} rowKey={(row) => row.id} /> : null}
      {data ? (
        <Pager
          label={pagerLabel}
          page={request.page}
          pageSize={PAGE_SIZE}
          shown={rows.length}
          total={data.total}
          hrefOf={(page) => buildListHref(basePath, request, page)}
        />
      ) : null}
    </>
  );
}
