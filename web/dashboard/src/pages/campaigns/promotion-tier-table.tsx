import { listPromotionTiers } from '../../api/campaign-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { ScrollingTable } from '../../components/scrolling-table';
import { StatusBadge, toActiveStatus } from '../../components/status-badge';
import { formatDiscount } from '../../lib/format';
import { useApiData } from '../../lib/use-api-data';
import { formatCampaignDiscount } from './read-discount';

/** A promotion's tiers, which take the place of codes on its page. */
export function PromotionTierTable({ campaignId, version }: { campaignId: string; version: number }) {
  const { data, error, loading } = useApiData(`tiers:${campaignId}:${version}`, () => listPromotionTiers(campaignId));
  const tiers = data?.tiers ?? [];

  return (
    <section aria-labelledby="tiers-heading">
      <h2 id="tiers-heading">Tiers</h2>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data && tiers.length === 0 ? <p>This promotion has no tiers.</p> : null}
      {tiers.length > 0 ? (
        <ScrollingTable caption="Tiers of this promotion, in order of hierarchy">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Banner</th>
              <th scope="col">Discount</th>
              <th scope="col">Status</th>
              <th scope="col" className="number">
                Redeemed
              </th>
            </tr>
          </thead>
          <tbody>
            {tiers.map((tier) => (
              <tr key={tier.id}>
                <th scope="row">{tier.name}</th>
                <td>{tier.banner ?? '—'}</td>
                <td>{formatCampaignDiscount(tier.action.discount) ?? formatDiscount(tier.action.discount)}</td>
                <td>
                  <StatusBadge value={toActiveStatus(tier.active)} />
                </td>
                <td className="number">{tier.summary?.redemptions.total_redeemed ?? 0}</td>
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      ) : null}
    </section>
  );
}
