import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { InsightsPanel } from './insights-panel';
import { DEFAULT_PERIOD, PeriodSelect } from './period-select';
import { useCurrentProject } from './use-current-project';

/** One campaign's monitoring charts, for its page. */
export function CampaignInsights({ campaignId }: { campaignId: string }) {
  const { current, error } = useCurrentProject();
  const [period, setPeriod] = useState(DEFAULT_PERIOD);
  return (
    <section aria-labelledby="campaign-insights-heading" className="campaign-insights">
      <div className="section-header">
        <h2 id="campaign-insights-heading">Redemptions over time</h2>
        <PeriodSelect value={period} onChange={setPeriod} />
      </div>
      <ErrorMessage error={error} />
      {current ? (
        <InsightsPanel projectId={current.project.id} period={period} campaignId={campaignId} headingLevel={3} />
      ) : null}
    </section>
  );
}
