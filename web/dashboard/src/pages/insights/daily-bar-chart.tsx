import { useId } from 'react';
import type { DailyRedemptions } from '../../api/insights-api';
import { ScrollingTable } from '../../components/scrolling-table';
import { computeScaleTop, formatDay, formatShortDay } from './chart-format';

export interface ChartSeries {
  /** Also the CSS class suffix of its bars and swatch (`chart-bar-succeeded`). */
  key: string;
  label: string;
  valueOf: (day: DailyRedemptions) => number;
}

interface DailyBarChartProps {
  title: string;
  /** What the period is, e.g. "last 30 days", for the summary read out in place of the drawing. */
  periodLabel: string;
  days: readonly DailyRedemptions[];
  /** Stacked bottom to top, in this order. */
  series: readonly ChartSeries[];
  formatValue: (value: number) => string;
  headingLevel: 2 | 3;
}

// The drawing's own units: it is stretched to the box's width and height, so only shapes go in it
// (text would stretch too); the axis labels are HTML around it.
const WIDTH = 1000;
const HEIGHT = 100;

function totalOf(day: DailyRedemptions, series: readonly ChartSeries[]): number {
  return series.reduce((sum, item) => sum + item.valueOf(day), 0);
}

function summarize(props: DailyBarChartProps): string {
  const { title, periodLabel, days, series, formatValue } = props;
  const totals = series.map((item) => {
    const sum = days.reduce((acc, day) => acc + item.valueOf(day), 0);
    return series.length === 1 ? formatValue(sum) : `${formatValue(sum)} ${item.label.toLowerCase()}`;
  });
  const busiest = days.reduce<DailyRedemptions | null>(
    (best, day) => (totalOf(day, series) > (best ? totalOf(best, series) : 0) ? day : best),
    null,
  );
  const peak = busiest
    ? ` Highest on ${formatDay(busiest.day)}: ${formatValue(totalOf(busiest, series))}.`
    : ' Nothing on any day.';
  return `${title}, ${periodLabel}: ${totals.join(', ')} in total.${peak}`;
}

/** Bars per day drawn in SVG, with the same figures in a table for anyone who cannot see the drawing. */
export function DailyBarChart(props: DailyBarChartProps) {
  const { title, days, series, formatValue } = props;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  const headingId = useId();
  const top = computeScaleTop(Math.max(0, ...days.map((day) => totalOf(day, series))));
  const slot = WIDTH / Math.max(days.length, 1);
  const barWidth = slot * 0.7;
  const yOf = (value: number) => HEIGHT - (value / top) * HEIGHT;
  const first = days[0];
  const last = days[days.length - 1];

  return (
    <figure className="chart" aria-labelledby={headingId}>
      <figcaption>
        <Heading id={headingId}>{title}</Heading>
      </figcaption>
      {series.length > 1 ? (
        <ul className="chart-legend">
          {series.map((item) => (
            <li key={item.key}>
              <span className={`chart-swatch chart-bar-${item.key}`} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-plot">
        <div className="chart-y-axis" aria-hidden="true">
          {/* Unseen, it gives the axis the width of its widest label, which the placed labels do not. */}
          <span className="chart-y-sizer">{formatValue(top)}</span>
          {[top, top / 2, 0].map((value) => (
            <span key={value} className="chart-y-label" style={{ top: `${(yOf(value) / HEIGHT) * 100}%` }}>
              {formatValue(value)}
            </span>
          ))}
        </div>
        <svg
          className="chart-drawing"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summarize(props)}
        >
          {[0, top / 2, top].map((value) => (
            <line key={value} className="chart-grid" x1={0} x2={WIDTH} y1={yOf(value)} y2={yOf(value)} />
          ))}
          {days.map((day, index) => {
            let base = 0;
            return (
              <g key={day.day}>
                <title>{`${formatDay(day.day)}: ${series.map((item) => `${formatValue(item.valueOf(day))} ${item.label.toLowerCase()}`).join(', ')}`}</title>
                {series.map((item) => {
                  const value = item.valueOf(day);
                  const y = yOf(base + value);
                  const height = yOf(base) - y;
                  base += value;
                  return value > 0 ? (
                    <rect
                      key={item.key}
                      className={`chart-bar-${item.key}`}
                      x={index * slot + (slot - barWidth) / 2}
                      y={y}
                      width={barWidth}
                      height={height}
                    />
                  ) : null;
                })}
              </g>
            );
          })}
        </svg>
        <div className="chart-x-axis" aria-hidden="true">
          <span>{first ? formatShortDay(first.day) : ''}</span>
          <span>{last && last !== first ? formatShortDay(last.day) : ''}</span>
        </div>
      </div>
      <details className="chart-figures">
        <summary>Figures of “{title}”</summary>
        <ScrollingTable caption={title} captionShown>
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((item) => (
                <th key={item.key} scope="col" className="number">
                  {item.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day}>
                <th scope="row">
                  <time dateTime={day.day}>{formatDay(day.day)}</time>
                </th>
                {series.map((item) => (
                  <td key={item.key} className="number">
                    {formatValue(item.valueOf(day))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </ScrollingTable>
      </details>
    </figure>
  );
}
