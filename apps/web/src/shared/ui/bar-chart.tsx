import './bar-chart.css';

/** A dependency-free horizontal bar chart (labels wrap; bars scale to the largest value). */
export function BarChart({
  items,
  format,
  testId,
}: {
  items: { label: string; value: number }[];
  format?: (value: number) => string;
  testId?: string;
}) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <div className="sb-dr-bars" data-testid={testId}>
      {items.map((i) => (
        <div key={i.label} className="sb-dr-bar">
          <span className="sb-dr-bar-label">{i.label}</span>
          <span className="sb-dr-bar-track">
            <span className="sb-dr-bar-fill" style={{ width: `${(i.value / max) * 100}%` }} />
          </span>
          <span className="sb-dr-bar-value">{format ? format(i.value) : i.value}</span>
        </div>
      ))}
    </div>
  );
}
