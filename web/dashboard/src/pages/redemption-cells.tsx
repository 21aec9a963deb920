import type { Redemption } from '../api/api-types';
import { formatDate } from '../lib/format';
import { buildPath, Link } from '../router/link';
import { findRedeemedCode } from './redemption-format';

/** A redemption's date as the link that opens it; a screen reader also hears its id. */
export function RedemptionDateLink({ redemption }: { redemption: Redemption }) {
  return (
    <Link to={buildPath('redemptions', redemption.id)}>
      {formatDate(redemption.date)}
      <span className="visually-hidden"> (redemption {redemption.id})</span>
    </Link>
  );
}

/** The code redeemed, as a link to its voucher, or the promotion tier's name. */
export function RedeemedCode({ redemption }: { redemption: Redemption }) {
  const code = findRedeemedCode(redemption);
  if (code === null) return <>{redemption.promotion_tier?.name ?? '—'}</>;
  return (
    <Link to={buildPath('vouchers', code)}>
      <code>{code}</code>
    </Link>
  );
}
