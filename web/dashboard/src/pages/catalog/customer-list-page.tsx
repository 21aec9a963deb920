import { listCustomers } from '../../api/catalog-api';
import { formatDate, formatMoney } from '../../lib/format';
import { buildPath, Link } from '../../router/link';
import { describeCustomerName } from './catalog-format';
import { CatalogList } from './catalog-list';
import type { FilterField } from './list-controls';

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
  return (
    <CatalogList
      query={query}
      title="Customers"
      basePath="/customers"
      listKey="customers"
      load={listCustomers}
      rowsOf={(answer) => answer.customers}
      searchLabel="Search customers"
      searchFieldLabel="Search customers by name, email or id"
      fields={FIELDS}
      sortOptions={SORTS}
      hint="The search finds part of a name, an email, an id or the shop's source_id, whatever the case. Email, name and city each match the whole value exactly."
      lookup={{
        label: 'Customer id or source_id',
        button: 'Open customer',
        pathOf: (ref) => buildPath('customers', ref),
      }}
      emptyText="No customers match."
      caption="Customers"
      pagerLabel="Customer pages"
      columns={[
        {
          header: 'Customer',
          cell: (customer) => <Link to={buildPath('customers', customer.id)}>{describeCustomerName(customer)}</Link>,
        },
        { header: 'Source id', cell: (customer) => customer.source_id ?? '—' },
        { header: 'Email', cell: (customer) => customer.email ?? '—' },
        {
          header: 'Redemptions',
          numeric: true,
          cell: (customer) => customer.summary?.redemptions.total_redeemed ?? '—',
        },
        {
          header: 'Paid orders total',
          numeric: true,
          cell: (customer) => formatMoney(customer.summary?.orders.total_amount),
        },
        { header: 'Created', cell: (customer) => formatDate(customer.created_at) },
      ]}
    />
  );
}
