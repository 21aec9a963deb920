import { ErrorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../../styles/insights.css';
import { navigate } from '../../router/router';
import { InsightsPanel } from './insights-panel';
import { type Period, PeriodSelect } from './period-select';
import { useCurrentProject } from './use-current-project';

/** The project's monitoring: redemptions and discount per day, failures, customers, channels. */
export function OverviewPage({ period }: { period: Period }) {
  useDocumentTitle('Overview');
  const { current, error } = useCurrentProject();
  return (
    <>
      <PageHeader
        title="Overview"
        // The period goes in the address so a reload or a shared link shows the same figures.
        actions={
          <PeriodSelect value={period} onChange={(next) => navigate(`/overview?days=${next}`, { replace: true })} />
        }
      />
      <ErrorMessage error={error} />
      {current ? <InsightsPanel projectId={current.project.id} period={period} headingLevel={2} /> : null}
    </>
  );
}
