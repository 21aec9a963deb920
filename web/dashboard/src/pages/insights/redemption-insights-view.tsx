import type { DailyRedemptions, RedemptionInsights } from '../../api/insights-api';
import { DataTable } from '../../components/data-table';
import { formatMoney } from '../../lib/format';
import '../../styles/insights.css';
import { formatCount } from './chart-format';
import { type ChartSeries, DailyBarChart } from './daily-bar-chart';

const redemptionSeries: readonly ChartSeries[] = [
  { key: 'succeeded', label: 'Succeeded', valueOf: (day: DailyRedemptions) => day.succeeded },
  { key: 'failed', label: 'Failed', valueOf: (day: DailyRedemptions) => day.failed },
  { key: 'rolled-back', label: 'Rolled back', valueOf: (day: DailyRedemptions) => day.rolledBack },
];
const discountSeries: readonly ChartSeries[] = [
  { key: 'discount', label: 'Discount given', valueOf: (day: DailyRedemptions) => day.discountAmount },
];

/** Failure codes are the API's error keys (`voucher_expired`); spaced out they read as words. */
function formatReason(reason: string): string {
  const words = reason.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface RedemptionInsightsViewProps {
  insights: RedemptionInsights;
  periodLabel: string;
  /** The level of the section headings, so the view fits under a page's h1 or a section's h2. */
  headingLevel: 2 | 3;
}

/** The monitoring figures: both daily charts, then failures, customers and channels as tables. */
export function RedemptionInsightsView({ insights, periodLabel, headingLevel }: RedemptionInsightsViewProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="insights">
      <p className="help">Days in {insights.timezone}, the project's timezone.</p>
      <div className="insights-charts">
        <DailyBarChart
          title="Redemptions per day"
          periodLabel={periodLabel}
          days={insights.days}
          series={redemptionSeries}
          formatValue={formatCount}
          headingLevel={headingLevel}
        />
        <DailyBarChart
          title="Discount given per day"
          periodLabel={periodLabel}
          days={insights.days}
          series={discountSeries}
          formatValue={formatMoney}
          headingLevel={headingLevel}
        />
      </div>
      <div className="insights-tables">
        <section>
          <Heading>Failures by reason</Heading>
          {insights.failuresByReason.length === 0 ? (
            <p>No failed redemptions in this period.</p>
          ) : (
            <DataTable
              caption={`Failures by reason, ${periodLabel}`}
              rows={insights.failuresByReason}
              rowKey={(row) => row.reason}
              rowHeaderClassName="insights-wrap"
              columns={[
                {
                  header: 'Reason',
                  cell: (row) => (
                    <>
                      {formatReason(row.reason)} <code className="reason-code">{row.reason}</code>
                    </>
                  ),
                },
                { header: 'Failures', numeric: true, cell: (row) => formatCount(row.count) },
              ]}
            />
          )}
        </section>
        <section>
          <Heading>Top customers</Heading>
          {insights.topCustomers.length === 0 ? (
            <p>No customer redeemed in this period.</p>
          ) : (
            <DataTable
              caption={`Top customers, ${periodLabel}`}
              rows={insights.topCustomers}
              rowKey={(row) => row.customerId}
              rowHeaderClassName="insights-wrap"
              columns={[
                {
                  header: 'Customer',
                  cell: (row) => (
                    <>
                      {row.name ? `${row.name} ` : null}
                      <code>{row.sourceId ?? row.customerId}</code>
                    </>
                  ),
                },
                { header: 'Redemptions', numeric: true, cell: (row) => formatCount(row.redemptions) },
                { header: 'Discount given', numeric: true, cell: (row) => formatMoney(row.discountAmount) },
              ]}
            />
          )}
        </section>
        <section>
          <Heading>Channels</Heading>
          {insights.channels.length === 0 ? (
            <p>No redemptions in this period.</p>
          ) : (
            <DataTable
              caption={`Redemptions by channel, ${periodLabel}`}
              rows={insights.channels}
              rowKey={(row) => row.channel}
              columns={[
                { header: 'Channel', cell: (row) => row.channel },
                { header: 'Redemptions', numeric: true, cell: (row) => formatCount(row.redemptions) },
              ]}
            />
          )}
        </section>
      </div>
    </div>
  );
}
