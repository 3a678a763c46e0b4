import { useTranslation } from 'react-i18next';

const PALETTE = ['#1677ff', '#52c41a', '#faad14', '#eb2f96', '#722ed1', '#13c2c2', '#fa541c', '#8c8c8c'];

type Props = { title: string; days: readonly string[]; rows: readonly { day: string; key: string; count: number }[] };

/**
 * A small stacked bar chart in plain SVG (one bar per day, one colour per key): counts only. Scales with its box,
 * so it never makes a phone screen scroll sideways; the totals are also given as text for screen readers.
 */
export function StackedBars({ title, days, rows }: Props) {
  const { t } = useTranslation();
  const keys = [...new Set(rows.map((r) => r.key))].sort();
  const totals = days.map((d) => rows.filter((r) => r.day === d).reduce((n, r) => n + r.count, 0));
  const max = Math.max(1, ...totals);
  const width = 320;
  const height = 140;
  const bar = width / Math.max(1, days.length);
  const total = totals.reduce((a, b) => a + b, 0);
  return (
    <figure className="sb-monitoring-chart" data-testid="security-chart">
      <svg viewBox={`0 0 ${width} ${height + 16}`} role="img" aria-label={t('monitoring.chartLabel', { title, total })}>
        {days.map((day, i) => {
          let y = height;
          return (
            <g key={day}>
              {keys.map((key, k) => {
                const count = rows.find((r) => r.day === day && r.key === key)?.count ?? 0;
                const h = (count / max) * (height - 4);
                y -= h;
                return count ? (
                  <rect key={key} x={i * bar + 1} y={y} width={Math.max(1, bar - 2)} height={h} fill={PALETTE[k % PALETTE.length]} />
                ) : null;
              })}
              {i % Math.ceil(days.length / 7) === 0 ? (
                <text x={i * bar + bar / 2} y={height + 12} fontSize="9" textAnchor="middle" fill="#8c8c8c">
                  {day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {keys.length > 1 || (keys[0] ?? '') !== '' ? (
        <figcaption className="sb-monitoring-legend">
          {keys.map((key, k) => (
            <span key={key}>
              <i style={{ background: PALETTE[k % PALETTE.length] }} />
              {key}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}
