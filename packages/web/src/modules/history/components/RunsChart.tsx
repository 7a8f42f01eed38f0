import type { HistoryFieldsFragment } from '../../../gql/graphql';

const SERIES = [
  { key: 'itemsCreated', label: 'Created', className: 'series-created' },
  { key: 'itemsUpdated', label: 'Updated', className: 'series-updated' },
  { key: 'itemsSkipped', label: 'Skipped', className: 'series-skipped' },
  { key: 'itemsFailed', label: 'Failed', className: 'series-failed' },
] as const;

const HEIGHT = 140;
const BAR_GAP = 6;
const BAR_WIDTH = 22;
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Items by outcome for the last runs, oldest on the left: where a picture reads better than numbers. */
export function RunsChart({ runs }: { runs: HistoryFieldsFragment[] }) {
  const shown = [...runs].reverse();
  if (shown.length === 0) return null;
  const max = Math.max(1, ...shown.map((r) => r.itemsCreated + r.itemsUpdated + r.itemsSkipped + r.itemsFailed));
  const width = shown.length * (BAR_WIDTH + BAR_GAP) + BAR_GAP;
  const total = (key: (typeof SERIES)[number]['key']) => shown.reduce((sum, r) => sum + r[key], 0);
  const summary = `Last ${shown.length} runs: ${SERIES.map((s) => `${total(s.key)} ${s.label.toLowerCase()}`).join(', ')}.`;

  return (
    <figure className="chart">
      <figcaption className="chart-head">
        <span className="chart-title">Items by outcome, {shown.length === 1 ? 'last run' : `last ${shown.length} runs`}</span>
        <span className="chart-legend" aria-hidden="true">
          {SERIES.map((s) => (
            <span key={s.key} className="legend-item">
              <span className={`legend-swatch ${s.className}`} />
              {s.label}
            </span>
          ))}
        </span>
      </figcaption>
      <svg className="chart-svg" viewBox={`0 0 ${width} ${HEIGHT + 18}`} preserveAspectRatio="xMinYMid meet" role="img" aria-label={summary} style={{ maxWidth: `${width * 2}px` }}>
        <line x1={0} x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="chart-axis" />
        {shown.map((run, index) => {
          const x = BAR_GAP + index * (BAR_WIDTH + BAR_GAP);
          let y = HEIGHT;
          const label = `${TIME.format(new Date(run.createdAt))}: ${SERIES.map((s) => `${run[s.key]} ${s.label.toLowerCase()}`).join(', ')}`;
          return (
            <g key={run.id}>
              <title>{label}</title>
              {SERIES.map((s) => {
                const h = (run[s.key] / max) * (HEIGHT - 4);
                if (h <= 0) return null;
                y -= h;
                return <rect key={s.key} x={x} y={y} width={BAR_WIDTH} height={h} rx={2} className={s.className} />;
              })}
              {run.itemsProcessed === 0 ? <rect x={x} y={HEIGHT - 2} width={BAR_WIDTH} height={2} className="series-empty" /> : null}
              <text
                x={index === 0 ? x : x + BAR_WIDTH}
                y={HEIGHT + 13}
                textAnchor={index === 0 ? 'start' : 'end'}
                className="chart-tick"
              >
                {index === 0 || index === shown.length - 1 ? TIME.format(new Date(run.createdAt)) : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
