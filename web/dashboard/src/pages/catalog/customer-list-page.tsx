import { PAGE_SIZE } from '../../api/campaign-api';
import { listCustomers } from '../../api/catalog-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDate, formatMoney } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { useDocumentTitle } from '../../lib/use-document-title';
import { buildPath, Link } from '../../router/link';
import '../../styles/catalog.css';
import { describeCustomerName } from './catalog-format';
import { buildListHref, type FilterField, ListControls, LookupForm, readListRequest, toListKey } from './list-controls';

const FIELDS: readonly FilterField[] = [
  { name: 'email', label: 'Email', type: 'email' },
  { name: 'name', label: 'Name' },
  { name: 'city', label: 'City' },
];

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'name', label: 'Name A–Z' },
  { value: 'email', label: 'Email A–Z' },
  { value: 'source_id', label: 'Source id A–Z' },
];

export function CustomerListPage({ query }: { query: URLSearchParams }) {
  useDocumentTitle('Customers');
  const request = readListRequest(query, FIELDS);
  const key = toListKey('customers', request);
  const { data, error, loading } = useApiData(key, () => listCustomers(request));
  const customers = data?.customers ?? [];

  return (
    <>
      <PageHeader title="Customers" />
      <div className="catalog-tools">
        <ListControls
          key={key}
          basePath="/customers"
          label="Search customers"
          fields={FIELDS}
          sortOptions={SORTS}
          request={request}
          hint="Email, name and city each match the whole value exactly. To find someone by the shop's own id, open them by id or source_id instead."
        />
        <LookupForm
          label="Customer id or source_id"
          button="Open customer"
          pathOf={(ref) => buildPath('customers', ref)}
        />
      </div>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && customers.length === 0 ? <p>No customers match.</p> : null}
      {customers.length > 0 ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Customers</caption>
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Source id</th>
                <th scope="col">Email</th>
                <th scope="col" className="number">
                  Redemptions
                </th>
                <th scope="col" className="number">
                  Paid orders total
                </th>
                <th scope="col">Created</th>
              </tr>
            </thead>
            <tbody>
              {customers.map((customer) => (
                <tr key={customer.id}>
                  <th scope="row">
                    <Link to={buildPath('customers', customer.id)}>{describeCustomerName(customer)}</Link>
                  </th>
                  <td>{customer.source_id ?? '—'}</td>
                  <td>{customer.email ?? '—'}</td>
                  <td className="number">{customer.summary?.redemptions.total_redeemed ?? '—'}</td>
                  <td className="number">{formatMoney(customer.summary?.orders.total_amount)}</td>
                  <td>{formatDate(customer.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? (
        <Pager
          label="Customer pages"
          page={request.page}
          pageSize={PAGE_SIZE}
          shown={customers.length}
          total={data.total}
          hrefOf={(page) => buildListHref('/customers', request, page)}
        />
      ) : null}
    </>
  );
}
