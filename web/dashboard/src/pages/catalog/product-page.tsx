import { useState } from 'react';
import { PAGE_SIZE } from '../../api/campaign-api';
import { getProduct, listProductSkus, type Product } from '../../api/catalog-api';
import { DetailsList } from '../../components/details-list';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { ScrollingTable } from '../../components/scrolling-table';
import { formatDate, formatMoney } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Link } from '../../router/link';
import '../../styles/catalog.css';
import { CatalogSection } from './catalog-section';
import { formatJsonValue, MetadataList } from './metadata-list';

function ProductSkus({ product }: { product: Product }) {
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApiData(`product-skus:${product.id}:${page}`, () =>
    listProductSkus(product.id, page),
  );
  const skus = data?.skus ?? [];
  const hasNext = data?.total === undefined ? skus.length === PAGE_SIZE : page * PAGE_SIZE < data.total;
  return (
    <CatalogSection id="product-skus" title="SKUs" error={error}>
      {data && skus.length === 0 ? <p className="catalog-empty">No SKUs: the product is sold as it is.</p> : null}
      {skus.length > 0 ? (
        <ScrollingTable caption="The product's SKUs">
          <thead>
            <tr>
              <th scope="col">SKU</th>
              <th scope="col">Source id</th>
              <th scope="col" className="number">
                Price
              </th>
              <th scope="col">Attributes</th>
              <th scope="col">Metadata</th>
            </tr>
          </thead>
          <tbody>
            {skus.map((sku) => (
              <tr key={sku.id}>
                <th scope="row">{sku.sku ?? sku.id}</th>
                <td>{sku.source_id ?? '—'}</td>
                <td className="number">
                  {sku.price === null ? `${formatMoney(product.price)} (product's)` : formatMoney(sku.price)}
                  {sku.currency ? ` ${sku.currency}` : ''}
                </td>
                <td>{describePairs(sku.attributes)}</td>
                <td>{describePairs(sku.metadata)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
      {page > 1 || hasNext ? (
        <div className="pager">
          <button type="button" className="button" disabled={page === 1 || loading} onClick={() => setPage(page - 1)}>
            Previous SKUs
          </button>
          <span>Page {page}</span>
          <button type="button" className="button" disabled={!hasNext || loading} onClick={() => setPage(page + 1)}>
            Next SKUs
          </button>
        </div>
      ) : null}
    </CatalogSection>
  );
}

function describePairs(values: Record<string, unknown> | null): string {
  const entries = Object.entries(values ?? {});
  return entries.length === 0 ? '—' : entries.map(([key, value]) => `${key}: ${formatJsonValue(value)}`).join('; ');
}

/** One product: its price, the attribute names its SKUs vary by, metadata and SKUs. */
export function ProductPage({ productRef }: { productRef: string }) {
  const { data: product, error, loading } = useApiData(`product:${productRef}`, () => getProduct(productRef));
  const title = product?.name ?? 'Product';
  useDocumentTitle(title);

  return (
    <>
      <PageHeader title={title} back={<Link to="/products">← Products</Link>} />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !product} />
      {product ? (
        <div className="catalog-stack">
          <CatalogSection id="product-details" title="Details">
            <DetailsList
              items={[
                { term: 'Id', value: <code>{product.id}</code> },
                { term: 'Source id', value: product.source_id ?? '—' },
                { term: 'Price', value: formatMoney(product.price) },
                {
                  term: 'Attributes',
                  value: product.attributes && product.attributes.length > 0 ? product.attributes.join(', ') : '—',
                },
                { term: 'Created', value: formatDate(product.created_at) },
                { term: 'Updated', value: formatDate(product.updated_at) },
              ]}
            />
            {product.image_url ? <img className="catalog-product-image" src={product.image_url} alt={title} /> : null}
          </CatalogSection>
          <CatalogSection id="product-metadata" title="Metadata">
            <MetadataList values={product.metadata} empty="No metadata." />
          </CatalogSection>
          <ProductSkus product={product} />
        </div>
      ) : null}
    </>
  );
}
