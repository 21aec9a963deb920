import type { DailyRedemptions, RedemptionInsights } from '../../api/insights-api';
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
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Failures by reason, {periodLabel}</caption>
                <thead>
                  <tr>
                    <th scope="col">Reason</th>
                    <th scope="col" className="number">
                      Failures
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {insights.failuresByReason.map((row) => (
                    <tr key={row.reason}>
                      <th scope="row" className="insights-wrap">
                        {formatReason(row.reason)} <code className="reason-code">{row.reason}</code>
                      </th>
                      <td className="number">{formatCount(row.count)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section>
          <Heading>Top customers</Heading>
          {insights.topCustomers.length === 0 ? (
            <p>No customer redeemed in this period.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Top customers, {periodLabel}</caption>
                <thead>
                  <tr>
                    <th scope="col">Customer</th>
                    <th scope="col" className="number">
                      Redemptions
                    </th>
                    <th scope="col" className="number">
                      Discount given
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {insights.topCustomers.map((row) => (
                    <tr key={row.customerId}>
                      <th scope="row" className="insights-wrap">
                        {row.name ? `${row.name} ` : null}
                        <code>{row.sourceId ?? row.customerId}</code>
                      </th>
                      <td className="number">{formatCount(row.redemptions)}</td>
                      <td className="number">{formatMoney(row.discountAmount)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
        <section>
          <Heading>Channels</Heading>
          {insights.channels.length === 0 ? (
            <p>No redemptions in this period.</p>
          ) : (
            <div className="table-scroll">
              <table>
                <caption className="visually-hidden">Redemptions by channel, {periodLabel}</caption>
                <thead>
                  <tr>
                    <th scope="col">Channel</th>
                    <th scope="col" className="number">
                      Redemptions
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {insights.channels.map((row) => (
                    <tr key={row.channel}>
                      <th scope="row">{row.channel}</th>
                      <td className="number">{formatCount(row.redemptions)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
