import type { Redemption } from '../../api/api-types';
import { ScrollingTable } from '../../components/scrolling-table';
import { StatusBadge } from '../../components/status-badge';
import { buildPath, Link } from '../../router/link';
import { RedeemedCode, RedemptionDateLink } from '../redemption-cells';
import { formatOrderAmount, formatOrderDiscount } from '../redemption-format';

interface RedemptionTableProps {
  caption: string;
  redemptions: readonly Redemption[];
  /** Leaves out the order column on the order's own page. */
  showOrder?: boolean;
}

/** Redemptions as a customer's or an order's page lists them; each date opens the redemption. */
export function RedemptionTable({ caption, redemptions, showOrder = true }: RedemptionTableProps) {
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Code</th>
          <th scope="col">Status</th>
          {showOrder ? <th scope="col">Order</th> : null}
          <th scope="col" className="number">
            Amount
          </th>
          <th scope="col" className="number">
            Discount
          </th>
        </tr>
      </thead>
      <tbody>
        {redemptions.map((redemption) => (
          <tr key={redemption.id}>
            <th scope="row">
              <RedemptionDateLink redemption={redemption} />
            </th>
            <td>
              <RedeemedCode redemption={redemption} />
            </td>
            <td>
              <StatusBadge value={redemption.status} />
            </td>
            {showOrder ? (
              <td>
                {redemption.order?.id ? (
                  <Link to={buildPath('orders', redemption.order.id)}>
                    {redemption.order.source_id ?? redemption.order.id}
                  </Link>
                ) : (
                  '—'
                )}
              </td>
            ) : null}
            <td className="number">{formatOrderAmount(redemption)}</td>
            <td className="number">{formatOrderDiscount(redemption)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
