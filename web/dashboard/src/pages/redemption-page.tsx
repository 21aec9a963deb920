import { type FormEvent, useState } from 'react';
import { type ApiError, toApiError } from '../api/api-error';
import type { Redemption } from '../api/api-types';
import { getRedemption, rollbackRedemption } from '../api/redemption-api';
import { DetailsList } from '../components/details-list';
import { ErrorMessage } from '../components/error-message';
import { LoadingNote } from '../components/loading-note';
import { PageHeader } from '../components/page-header';
import { StatusBadge } from '../components/status-badge';
import { formatDate, formatMoney } from '../lib/format';
import { useApiData } from '../lib/use-api-data';
import { useDocumentTitle } from '../lib/use-document-title';
import { buildPath, Link } from '../router/link';
import { describeCustomer, findRedeemedCode, formatOrderAmount, formatOrderDiscount } from './redemption-format';

function describeRedemption(redemption: Redemption) {
  const code = findRedeemedCode(redemption);
  const rollbacks = redemption.related_redemptions?.rollbacks ?? [];
  return [
    { term: 'Id', value: <code>{redemption.id}</code> },
    { term: 'Date', value: formatDate(redemption.date) },
    { term: 'Result', value: <StatusBadge value={redemption.result} /> },
    { term: 'Status', value: <StatusBadge value={redemption.status} /> },
    { term: 'Code', value: code ? <Link to={buildPath('vouchers', code)}>{code}</Link> : '—' },
    {
      term: 'Campaign',
      value: redemption.voucher?.campaign_id ? (
        <Link to={buildPath('campaigns', redemption.voucher.campaign_id)}>
          {redemption.voucher.campaign ?? redemption.voucher.campaign_id}
        </Link>
      ) : (
        (redemption.promotion_tier?.name ?? '—')
      ),
    },
    { term: 'Customer', value: describeCustomer(redemption) },
    { term: 'Order', value: redemption.order?.source_id ?? redemption.order?.id ?? '—' },
    { term: 'Amount', value: formatOrderAmount(redemption) },
    { term: 'Discount', value: formatOrderDiscount(redemption) },
    ...(redemption.failure_code
      ? [{ term: 'Failure', value: `${redemption.failure_code}: ${redemption.failure_message ?? ''}` }]
      : []),
    ...(redemption.object === 'redemption_rollback'
      ? [
          {
            term: 'Rolls back',
            value: redemption.redemption ? (
              <Link to={buildPath('redemptions', redemption.redemption)}>{redemption.redemption}</Link>
            ) : (
              '—'
            ),
          },
          { term: 'Reason', value: redemption.reason ?? '—' },
        ]
      : []),
    ...rollbacks.map((rollback) => ({
      term: 'Rolled back by',
      value: (
        <>
          <Link to={buildPath('redemptions', rollback.id)}>{rollback.id}</Link> on {formatDate(rollback.date)}
        </>
      ),
    })),
    { term: 'Tracking id', value: redemption.tracking_id ?? '—' },
  ];
}

/** What a rollback returned: a gift card's rollback carries the credit it refunded as a negative amount. */
function describeGivenBack(rollback: Redemption): string {
  const refunded = -(rollback.amount ?? 0);
  if (refunded > 0) return `${formatMoney(refunded)} of credit is back on the card, and its use is given back.`;
  return "The code's use is given back.";
}

export function RedemptionPage({ id }: { id: string }) {
  useDocumentTitle(`Redemption ${id}`);
  const { data: redemption, error, loading, reload } = useApiData(`redemption:${id}`, () => getRedemption(id));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [rollbackError, setRollbackError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const isRollback = redemption?.object === 'redemption_rollback';
  const canRollBack = redemption?.status === 'SUCCEEDED' && !isRollback;

  const submitRollback = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setRollbackError(null);
    try {
      const rollback = await rollbackRedemption(id, reason.trim());
      setNotice(`Rolled back (rollback ${rollback.id}). ${describeGivenBack(rollback)}`);
      reload();
    } catch (caught) {
      setRollbackError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={isRollback ? 'Rollback' : 'Redemption'} back={<Link to="/redemptions">← Redemptions</Link>} />
      <ErrorMessage error={error} />
      <LoadingNote loading={loading && !redemption} />
      <p className="notice" role="status">
        {notice}
      </p>
      {redemption ? (
        <>
          <section aria-labelledby="redemption-details-heading">
            <h2 id="redemption-details-heading">Details</h2>
            <DetailsList items={describeRedemption(redemption)} />
          </section>
          {canRollBack ? (
            <section aria-labelledby="rollback-heading">
              <h2 id="rollback-heading">Roll back</h2>
              <p>Rolling back gives the use back to the code and cancels the discount in the figures.</p>
              <form className="form inline-form" onSubmit={submitRollback}>
                <ErrorMessage error={rollbackError} takeFocus />
                <div className="field">
                  <label htmlFor="rollback-reason">Reason (optional)</label>
                  <input id="rollback-reason" value={reason} onChange={(event) => setReason(event.target.value)} />
                </div>
                <button type="submit" className="button danger" disabled={busy}>
                  {busy ? 'Rolling back…' : 'Roll back'}
                </button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
