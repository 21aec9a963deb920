import { fetchRedemptionInsights } from '../../api/insights-api';
import { ErrorMessage } from '../../components/error-message';
import { LoadingNote } from '../../components/loading-note';
import { useApiData } from '../../lib/use-api-data';
import { describePeriod, type Period } from './period-select';
import { RedemptionInsightsView } from './redemption-insights-view';

interface InsightsPanelProps {
  projectId: string;
  period: Period;
  campaignId?: string;
  headingLevel: 2 | 3;
}

/** Loads the figures of a project, or one of its campaigns, over a period and shows them. */
export function InsightsPanel({ projectId, period, campaignId, headingLevel }: InsightsPanelProps) {
  // The figures keep the period they were loaded for: while another period loads, the charts' names
  // (what a screen reader reads) still describe the figures shown, not the period asked for.
  const { data, error, loading } = useApiData(`insights:${projectId}:${campaignId ?? ''}:${period}`, async () => ({
    period,
    insights: await fetchRedemptionInsights(projectId, period, campaignId),
  }));
  return (
    <>
      <ErrorMessage error={error} />
      <LoadingNote loading={loading} />
      {data ? (
        <RedemptionInsightsView
          insights={data.insights}
          periodLabel={describePeriod(data.period)}
          headingLevel={headingLevel}
        />
      ) : null}
    </>
  );
}
