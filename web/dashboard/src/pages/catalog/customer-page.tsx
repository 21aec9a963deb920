import { type Customer, getCustomer, listCustomerSegments } from '../../api/catalog-api';
import { DetailsList } from '../../components/details-list';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { formatDate, formatMoney } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { describeCustomerName } from './catalog-format';
import { CatalogSection } from './catalog-section';
import { CustomerActivitySection, CustomerRedemptionsSection, CustomerWalletSection } from './customer-sections';
import { formatJsonValue, MetadataList } from './metadata-list';

function describeAddress(address: Customer['address']): string {
  const parts = Object.values(address ?? {}).filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? '—' : parts.join(', ');
}

function describeProfile(customer: Customer) {
  return [
    { term: 'Id', value: <code>{customer.id}</code> },
    { term: 'Source id', value: customer.source_id ?? '—' },
    { term: 'Name', value: customer.name ?? '—' },
    { term: 'Email', value: customer.email ?? '—' },
    { term: 'Phone', value: customer.phone ?? '—' },
    { term: 'Address', value: describeAddress(customer.address) },
    { term: 'Description', value: formatJsonValue(customer.description) },
    { term: 'Created', value: formatDate(customer.created_at) },
    { term: 'Updated', value: formatDate(customer.updated_at) },
  ];
}

function SummaryFigures({ customer }: { customer: Customer }) {
  const summary = customer.summary;
  if (!summary) return <p className="catalog-empty">The server sent no summary.</p>;
  const figures = [
    { term: 'Redemptions', value: String(summary.redemptions.total_redeemed) },
    { term: 'Succeeded', value: String(summary.redemptions.total_succeeded) },
    { term: 'Failed', value: String(summary.redemptions.total_failed) },
    { term: 'Rolled back', value: String(summary.redemptions.total_rolled_back) },
    { term: 'Paid orders', value: String(summary.orders.total_count) },
    { term: 'Paid orders total', value: formatMoney(summary.orders.total_amount) },
    { term: 'Average paid order', value: formatMoney(summary.orders.average_amount) },
    { term: 'Loyalty points', value: String(customer.loyalty?.points ?? 0) },
  ];
  return (
    <dl className="figures">
      {figures.map((figure) => (
        <div className="figure" key={figure.term}>
          <dt>{figure.term}</dt>
          <dd>{figure.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CustomerSegments({ customerId }: { customerId: string }) {
  const { data, error } = useApiData(`customer-segments:${customerId}`, () => listCustomerSegments(customerId));
  return (
    <CatalogSection id="customer-segments" title="Segments" error={error}>
      {data && data.data.length === 0 ? <p className="catalog-empty">In no segment.</p> : null}
      {data && data.data.length > 0 ? (
        <ul className="catalog-chips">
          {data.data.map((segment) => (
            <li key={segment.id}>
              <Link to={buildPath('segments', segment.id)}>{segment.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </CatalogSection>
  );
}

/** One customer: who they are, what they did, the codes they hold. `customerRef` is an id or source_id. */
export function CustomerPage({ customerRef }: { customerRef: string }) {
  const { data: customer, error, loading } = useApiData(`customer:${customerRef}`, () => getCustomer(customerRef));
  const title = customer ? describeCustomerName(customer) : 'Customer';
  useDocumentTitle(title);

  return (
    <>
      <PageHeader title={title} back={<Link to="/customers">← Customers</Link>} />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !customer} />
      {customer ? (
        <div className="catalog-stack">
          <CatalogSection id="customer-profile" title="Profile">
            <DetailsList items={describeProfile(customer)} />
          </CatalogSection>
          <CatalogSection id="customer-summary" title="Summary">
            <SummaryFigures customer={customer} />
          </CatalogSection>
          <CatalogSection id="customer-metadata" title="Metadata">
            <MetadataList values={customer.metadata} empty="No metadata." />
          </CatalogSection>
          <CustomerSegments customerId={customer.id} />
          <CustomerRedemptionsSection customerId={customer.id} />
          <CustomerWalletSection customerId={customer.id} />
          <CustomerActivitySection customerId={customer.id} />
        </div>
      ) : null}
    </>
  );
}
