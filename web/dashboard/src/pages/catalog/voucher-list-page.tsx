import { listVouchers } from '../../api/catalog-api';
import { StatusBadge, toActiveStatus } from '../../components/status-badge';
import { formatDate, formatDiscount, formatMoney, formatUses } from '../../lib/format';
import { buildPath, Link } from '../../router/link';
import { CatalogList } from './catalog-list';
import type { FilterField } from './list-controls';

const FIELDS: readonly FilterField[] = [
  { name: 'campaign', label: 'Campaign name' },
  { name: 'code', label: 'Code' },
  { name: 'customer', label: 'Customer' },
];

const SORTS = [
  { value: '', label: 'Newest first' },
  { value: 'created_at', label: 'Oldest first' },
  { value: 'code', label: 'Code A–Z' },
  { value: '-code', label: 'Code Z–A' },
];

export function VoucherListPage({ query }: { query: URLSearchParams }) {
  return (
    <CatalogList
      query={query}
      title="Vouchers"
      basePath="/vouchers"
      listKey="vouchers"
      load={listVouchers}
      rowsOf={(answer) => answer.vouchers}
      searchLabel="Search vouchers"
      searchFieldLabel="Search vouchers by code"
      fields={FIELDS}
      sortOptions={SORTS}
      hint="The search finds part of a code, whatever the case. Each filter matches exactly: the whole campaign name, the whole code, or a customer (id or source_id) who holds the code."
      lookup={{ label: 'Open a code', button: 'Open code', pathOf: (code) => buildPath('vouchers', code) }}
      emptyText="No vouchers match."
      caption="Vouchers"
      pagerLabel="Voucher pages"
      columns={[
        {
          header: 'Code',
          cell: (voucher) => (
            <Link to={buildPath('vouchers', voucher.code)}>
              <code>{voucher.code}</code>
            </Link>
          ),
        },
        {
          header: 'Campaign',
          cell: (voucher) =>
            voucher.campaign_id ? (
              <Link to={buildPath('campaigns', voucher.campaign_id)}>{voucher.campaign ?? voucher.campaign_id}</Link>
            ) : (
              '—'
            ),
        },
        {
          header: 'Discount',
          cell: (voucher) =>
            voucher.gift ? `Gift card ${formatMoney(voucher.gift.balance)}` : formatDiscount(voucher.discount),
        },
        { header: 'Status', cell: (voucher) => <StatusBadge value={toActiveStatus(voucher.active)} /> },
        {
          header: 'Redeemed',
          cell: (voucher) => formatUses(voucher.redemption.redeemed_quantity, voucher.redemption.quantity),
        },
        { header: 'Created', cell: (voucher) => formatDate(voucher.created_at) },
      ]}
    />
  );
}
