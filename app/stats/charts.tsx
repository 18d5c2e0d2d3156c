import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

// Server-rendered SVG charts: d3-scale and d3-shape compute the geometry, React writes the SVG, no script runs in the
// browser. Each chart is one image to assistive technology (role="img" named by its <title> and <desc>); the numbers
// are in the data table next to it. Bars carry their value as text, so colour is never the only carrier.

export const PALETTE = ["#0b5d3b", "#1f4e9c", "#a34700", "#7a2e6e", "#4d5e00", "#00676e", "#6b3f00", "#4b4b4b"];

export interface Bar {
  label: string;
  /** the label's language when it is content that may differ from the page's (a record name falling back to Chinese) */
  lang?: string;
  value: number;
  /** drawn hatched / lighter: a reference or target figure rather than a catalogue count */
  tone?: "catalogue" | "reference" | "target";
}

interface ChartText {
  id: string;
  title: string;
  desc: string;
  format: (n: number) => string;
}

const WIDTH = 680;
const LABEL_WIDTH = 232;
const VALUE_SPACE = 90;

const MAX_UNITS = 26;
const unitsOf = (ch: string) => (/[\u2e80-\uffef]/.test(ch) ? 2 : 1);

/**
 * A label broken into lines that fit the label column, never cut: a CJK character is two units wide. Lines break
 * before an opening bracket or after a space or colon where one is near the end of the line, else anywhere. A cut-off
 * label ("2025 年目标:全市商标有效…") left readers guessing which figure a bar was (issue 21).
 */
export function labelLines(label: string, max = MAX_UNITS): string[] {
  const lines: string[] = [];
  let line = "";
  let units = 0;
  for (const ch of label) {
    if (units + unitsOf(ch) > max) {
      // break before the last opening bracket past the first quarter of the line (a report's date stays whole), else
      // after the last space or colon there, else where the line is full
      const bracket = Math.max(line.lastIndexOf("("), line.lastIndexOf("\uff08"));
      const gap = Math.max(line.lastIndexOf(" "), line.lastIndexOf(":"), line.lastIndexOf("\uff1a")) + 1;
      const cut = bracket >= line.length / 4 && bracket > 0 ? bracket : gap > line.length / 3 ? gap : line.length;
      lines.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
      units = [...line].reduce((n, c) => n + unitsOf(c), 0);
    }
    line += ch;
    units += unitsOf(ch);
  }
  if (line) lines.push(line);
  return lines;
}

/** A label's lines as tspans centred on `y` (the text element's own y). */
function Lines({ lines, x, lineHeight = 16 }: { lines: string[]; x: number; lineHeight?: number }) {
  return (
    <>
      {lines.map((line, n) => (
        <tspan key={n} x={x} dy={n === 0 ? -((lines.length - 1) * lineHeight) / 2 : lineHeight}>
          {line}
        </tspan>
      ))}
    </>
  );
}

function Frame({ id, title, desc, height, children }: { id: string; title: string; desc: string; height: number; children: React.ReactNode }) {
  return (
    // focusable, so a keyboard can scroll it where the chart is wider than the screen; a focusable box needs a role and a
    // name to announce, so it is a region named by the chart's title (as ScrollableTable does for tables)
    <div className="chart-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
      <svg
        className="chart"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{desc}</desc>
        {children}
      </svg>
    </div>
  );
}

function Empty({ id, title, desc, message }: { id: string; title: string; desc: string; message: string }) {
  return (
    <Frame id={id} title={title} desc={desc} height={60}>
      <rect x={0} y={0} width={WIDTH} height={60} fill="#f4f6f4" stroke="#c8d0c8" />
      <text x={WIDTH / 2} y={36} textAnchor="middle" className="chart__label">
        {message}
      </text>
    </Frame>
  );
}

/** Horizontal bars, one per row; reference and target bars are outlined rather than filled. */
export function BarChart({ bars, emptyMessage, ...text }: ChartText & { bars: Bar[]; emptyMessage: string }) {
  if (bars.length === 0) return <Empty {...text} message={emptyMessage} />;
  const labels = bars.map((b) => labelLines(b.label));
  const lineHeight = 16;
  const rowHeight = 36 + lineHeight * (Math.max(...labels.map((l) => l.length)) - 1);
  const height = bars.length * rowHeight + 16;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([8, height - 8])
    .padding(0.25);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const x = scaleLinear()
    .domain([0, max])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_SPACE])
    .nice();
  return (
    <Frame id={text.id} title={text.title} desc={text.desc} height={height}>
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke="#4b4b4b" />
      {bars.map((b, i) => {
        const top = y(i) ?? 0;
        const w = Math.max(b.value > 0 ? 2 : 0, x(b.value));
        const filled = !b.tone || b.tone === "catalogue";
        return (
          <g key={i}>
            <text x={LABEL_WIDTH - 8} y={top + y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end" className="chart__label" lang={b.lang}>
              <Lines lines={labels[i]!} x={LABEL_WIDTH - 8} lineHeight={lineHeight} />
            </text>
            <rect
              x={LABEL_WIDTH}
              y={top}
              width={w}
              height={y.bandwidth()}
              fill={filled ? PALETTE[0] : "#ffffff"}
              stroke={filled ? "none" : b.tone === "target" ? PALETTE[2] : PALETTE[1]}
              strokeWidth={2}
              strokeDasharray={b.tone === "reference" ? "6 3" : undefined}
            />
            <text x={LABEL_WIDTH + w + 6} y={top + y.bandwidth() / 2} dominantBaseline="middle" className="chart__value">
              {text.format(b.value)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
}

/** Vertical columns over an ordered axis (months). */
export function ColumnChart({ columns, emptyMessage, ...text }: ChartText & { columns: Bar[]; emptyMessage: string }) {
  if (columns.length === 0) return <Empty {...text} message={emptyMessage} />;
  const height = 220;
  const bottom = 40;
  const x = scaleBand<number>()
    .domain(columns.map((_, i) => i))
    .range([40, WIDTH - 10])
    .padding(0.2);
  const max = Math.max(1, ...columns.map((c) => c.value));
  const y = scaleLinear()
    .domain([0, max])
    .range([height - bottom, 20])
    .nice();
  const ticks = y.ticks(Math.min(4, max)).filter((t) => Number.isInteger(t));
  return (
    <Frame id={text.id} title={text.title} desc={text.desc} height={height}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={40} x2={WIDTH - 10} y1={y(t)} y2={y(t)} stroke="#d5dbd5" />
          <text x={34} y={y(t)} textAnchor="end" dominantBaseline="middle" className="chart__tick">
            {text.format(t)}
          </text>
        </g>
      ))}
      {columns.map((c, i) => {
        const left = x(i) ?? 0;
        return (
          <g key={i}>
            <rect x={left} y={y(c.value)} width={x.bandwidth()} height={height - bottom - y(c.value)} fill={PALETTE[1]} />
            {c.value > 0 && (
              <text x={left + x.bandwidth() / 2} y={y(c.value) - 4} textAnchor="middle" className="chart__value">
                {text.format(c.value)}
              </text>
            )}
            {(i % 3 === 0 || columns.length <= 8) && (
              <text x={left + x.bandwidth() / 2} y={height - bottom + 16} textAnchor="middle" className="chart__tick">
                {c.label}
              </text>
            )}
          </g>
        );
      })}
      <line x1={40} x2={WIDTH - 10} y1={height - bottom} y2={height - bottom} stroke="#4b4b4b" />
    </Frame>
  );
}

export interface StackRow {
  label: string;
  values: Record<string, number>;
}

/** Horizontal stacked bars (d3-shape's stack), one colour per series with a legend. */
export function StackedBarChart({
  rows,
  series,
  emptyMessage,
  ...text
}: ChartText & {
  rows: StackRow[];
  series: { key: string; label: string; lang?: string }[];
  emptyMessage: string;
}) {
  if (rows.length === 0 || series.length === 0) return <Empty {...text} message={emptyMessage} />;
  const rowLabels = rows.map((r) => labelLines(r.label));
  const rowHeight = 34 + 16 * (Math.max(...rowLabels.map((l) => l.length)) - 1);
  const legendLabels = series.map((s) => labelLines(s.label, 24));
  const legendLine = 22 + 14 * (Math.max(...legendLabels.map((l) => l.length)) - 1);
  const legendRows = Math.ceil(series.length / 3);
  const legendHeight = legendRows * legendLine + 8;
  const height = rows.length * rowHeight + 16 + legendHeight;
  const data = rows.map((r) => ({
    label: r.label,
    ...Object.fromEntries(series.map((s) => [s.key, r.values[s.key] ?? 0])),
  })) as Record<string, number | string>[];
  const layers = stack<Record<string, number | string>, string>()
    .keys(series.map((s) => s.key))
    .value((d, key) => Number(d[key] ?? 0))(data);
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0));
  const y = scaleBand<number>()
    .domain(rows.map((_, i) => i))
    .range([8, rows.length * rowHeight + 8])
    .padding(0.25);
  const x = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .range([0, WIDTH - LABEL_WIDTH - VALUE_SPACE])
    .nice();
  const colour = (i: number) => PALETTE[i % PALETTE.length]!;
  return (
    <Frame id={text.id} title={text.title} desc={text.desc} height={height}>
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={rows.length * rowHeight + 16} stroke="#4b4b4b" />
      {rows.map((r, i) => (
        <text key={r.label} x={LABEL_WIDTH - 8} y={(y(i) ?? 0) + y.bandwidth() / 2} dominantBaseline="middle" textAnchor="end" className="chart__label">
          <Lines lines={rowLabels[i]!} x={LABEL_WIDTH - 8} />
        </text>
      ))}
      {layers.map((layer, li) => (
        <g key={layer.key} fill={colour(li)} stroke="#ffffff" strokeWidth={1}>
          {layer.map((segment, i) => {
            const w = x(segment[1]) - x(segment[0]);
            return w > 0 ? <rect key={i} x={LABEL_WIDTH + x(segment[0])} y={y(i) ?? 0} width={w} height={y.bandwidth()} /> : null;
          })}
        </g>
      ))}
      {rows.map((r, i) => (
        <text key={r.label} x={LABEL_WIDTH + x(totals[i] ?? 0) + 6} y={(y(i) ?? 0) + y.bandwidth() / 2} dominantBaseline="middle" className="chart__value">
          {text.format(totals[i] ?? 0)}
        </text>
      ))}
      <g transform={`translate(0, ${rows.length * rowHeight + 24})`}>
        {series.map((s, i) => (
          <g key={s.key} transform={`translate(${(i % 3) * 226}, ${Math.floor(i / 3) * legendLine})`}>
            <rect width={14} height={14} fill={colour(i)} />
            <text x={20} y={7 + ((legendLabels[i]!.length - 1) * 14) / 2} dominantBaseline="middle" className="chart__tick" lang={s.lang}>
              <Lines lines={legendLabels[i]!} x={20} lineHeight={14} />
            </text>
          </g>
        ))}
      </g>
    </Frame>
  );
}
