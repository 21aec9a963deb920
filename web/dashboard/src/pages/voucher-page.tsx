import type { Voucher } from '../api/api-types';
import { getVoucher } from '../api/voucher-api';
import { DetailsList } from '../components/details-list';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { PageHeader } from '../components/page-header';
import { StatusBadge, toActiveStatus } from '../components/status-badge';
import { formatDate, formatDiscount, formatMoney, formatUses } from '../lib/format';
import { useApiData } from '../lib/use-api-data';
import { useDocumentTitle } from '../lib/use-document-title';
import { buildPath, Link } from '../router/link';

function describeVoucher(voucher: Voucher) {
  const quantity = voucher.redemption.quantity;
  return [
    { term: 'Code', value: <code>{voucher.code}</code> },
    { term: 'Status', value: <StatusBadge value={toActiveStatus(voucher.active)} /> },
    {
      term: 'Campaign',
      value: voucher.campaign_id ? (
        <Link to={buildPath('campaigns', voucher.campaign_id)}>{voucher.campaign ?? voucher.campaign_id}</Link>
      ) : (
        'None'
      ),
    },
    {
      term: 'Discount',
      value: voucher.gift
        ? `Gift card, balance ${formatMoney(voucher.gift.balance)}`
        : formatDiscount(voucher.discount),
    },
    { term: 'Redeemed', value: formatUses(voucher.redemption.redeemed_quantity, quantity) },
    {
      term: 'Uses left',
      value: quantity === null ? 'Unlimited' : String(Math.max(0, quantity - voucher.redemption.redeemed_quantity)),
    },
    { term: 'Start date', value: formatDate(voucher.start_date) },
    { term: 'Expiration date', value: formatDate(voucher.expiration_date) },
    { term: 'Created', value: formatDate(voucher.created_at) },
  ];
}

export function VoucherPage({ code }: { code: string }) {
  useDocumentTitle(`Code ${code}`);
  const { data: voucher, error, loading } = useApiData(`voucher:${code}`, () => getVoucher(code));
  const back = voucher?.campaign_id ? (
    <Link to={buildPath('campaigns', voucher.campaign_id)}>← {voucher.campaign ?? 'Campaign'}</Link>
  ) : (
    <Link to="/campaigns">← Campaigns</Link>
  );

  return (
    <>
      <PageHeader
        title={
          <>
            Code <code>{code}</code>
          </>
        }
        back={back}
        actions={
          <Link to={`/redemptions?voucher=${encodeURIComponent(code)}`} className="button">
            Redemptions of this code
          </Link>
        }
      />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !voucher} />
      {voucher ? (
        <div className="voucher-layout">
          <section aria-labelledby="voucher-details-heading">
            <h2 id="voucher-details-heading">Details</h2>
            <DetailsList items={describeVoucher(voucher)} />
          </section>
          <section aria-labelledby="voucher-images-heading">
            <h2 id="voucher-images-heading">Images</h2>
            <div className="voucher-images">
              {voucher.assets?.qr?.url ? (
                <figure>
                  <img src={voucher.assets.qr.url} alt={`QR code for ${voucher.code}`} width={200} height={200} />
                  <figcaption>QR code</figcaption>
                </figure>
              ) : null}
              {voucher.assets?.barcode?.url ? (
                <figure>
                  <img className="barcode" src={voucher.assets.barcode.url} alt={`Barcode for ${voucher.code}`} />
                  <figcaption>Barcode</figcaption>
                </figure>
              ) : null}
            </div>
          </section>
        </div>
      ) : null}
    </>
  );
}
