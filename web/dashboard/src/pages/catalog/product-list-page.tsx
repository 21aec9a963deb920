import { listProducts } from '../../api/catalog-api';
import { formatDate, formatMoney } from '../../lib/format';
import { buildPath, Link } from '../../router/link';
import { CatalogList } from './catalog-list';

// The API lists products oldest first unless told otherwise, as Voucherify's examples do.
const SORTS = [
  { value: '', label: 'Oldest first' },
  { value: '-created_at', label: 'Newest first' },
  { value: '-updated_at', label: 'Recently updated' },
  { value: 'name', label: 'Name A–Z' },
  { value: 'source_id', label: 'Source id A–Z' },
];

export function ProductListPage({ query }: { query: URLSearchParams }) {
  return (
    <CatalogList
      query={query}
      title="Products"
      basePath="/products"
      listKey="products"
      load={listProducts}
      rowsOf={(answer) => answer.products}
      searchLabel="Search products"
      searchFieldLabel="Search products by name or id"
      sortOptions={SORTS}
      hint="The search finds part of a name, an id or the shop's source_id, whatever the case."
      lookup={{
        label: 'Product id or source_id',
        button: 'Open product',
        pathOf: (ref) => buildPath('products', ref),
      }}
      emptyText="No products match."
      caption="Products"
      pagerLabel="Product pages"
      columns={[
        {
          header: 'Name',
          cell: (product) => <Link to={buildPath('products', product.id)}>{product.name ?? product.id}</Link>,
        },
        { header: 'Source id', cell: (product) => product.source_id ?? '—' },
        { header: 'Price', numeric: true, cell: (product) => formatMoney(product.price) },
        { header: 'SKUs', numeric: true, cell: (product) => product.skus?.total ?? '—' },
        { header: 'Created', cell: (product) => formatDate(product.created_at) },
      ]}
    />
  );
}
