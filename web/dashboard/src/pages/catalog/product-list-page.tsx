import { PAGE_SIZE } from '../../api/campaign-api';
import { listProducts } from '../../api/catalog-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDate, formatMoney } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { buildListHref, ListControls, LookupForm, readListRequest, toListKey } from './list-controls';

// The API lists products oldest first unless told otherwise, as Voucherify's examples do.
const SORTS = [
  { value: '', label: 'Oldest first' },
  { value: '-created_at', label: 'Newest first' },
  { value: '-updated_at', label: 'Recently updated' },
  { value: 'name', label: 'Name A–Z' },
  { value: 'source_id', label: 'Source id A–Z' },
];

export function ProductListPage({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Products');
  const request = readListRequest(query, []);
  const key = toListKey('products', request);
  const { data, error, loading } = useApiData(key, () => listProducts(request));
  const products = data?.products ?? [];

  return (
    <>
      <PageHeader title="Products" />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath="/products"
          label="Sort products"
          fields={[]}
          sortOptions={SORTS}
          request={request}
          hint="The API cannot search products by name: sort the list, or open one by its id or the shop's source_id."
        />
        <LookupForm
          label="Product id or source_id"
          button="Open product"
          pathOf={(ref) => buildPath('products', ref)}
        />
      </div>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && products.length === 0 ? <p>No products yet.</p> : null}
      {products.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Products</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Source id</th>
                <th scope="col" className="number">
                  Price
                </th>
                <th scope="col" className="number">
                  SKUs
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {products.map((product) => (
                <tr key={product.id}>
                  <th scope="row">
                    <Link to={buildPath('products', product.id)}>{product.name ?? product.id}</Link>
                  </th>
                  <td>{product.source_id ?? '—'}</td>
                  <td className="number">{formatMoney(product.price)}</td>
                  <td className="number">{product.skus?.total ?? '—'}</td>
                  <td>{formatDate(product.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pager
          label="Product pages"
          page={request.page}
          pageSize={PAGE_SIZE}
          shown={products.length}
          total={data.total}
          hrefOf={(page) => buildListHref('/products', request, page)}
        />
      ) : null}
    </>
  );
}
