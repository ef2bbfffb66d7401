// Geometry of the charts (the check-in trend, the learning bar charts' labels): pure, so
// it is tested without a DOM.

export type Point = { x: number; y: number };

/**
 * Scales values (oldest first) into a width×height box with `pad` around it. The target,
 * when given, is included in the range so the chart shows how far there is to go.
 */
export function trendPoints(
  values: number[],
  width: number,
  height: number,
  pad: number,
  target: number | null,
): { points: Point[]; targetY: number | null } {
  const range = target === null ? values : [...values, target];
  const lo = Math.min(...range);
  const hi = Math.max(...range);
  const span = hi - lo || 1;
  const y = (v: number) => pad + (height - 2 * pad) * (1 - (v - lo) / span);
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const points = values.map((v, i) => ({ x: values.length > 1 ? pad + i * step : width / 2, y: y(v) }));
  return { points, targetY: target === null ? null : y(target) };
}

/** Roughly how wide one character of an axis label is, in pixels, and the room the y
 *  axis takes from the chart's width. */
const CHAR_PX = 7;
const GAP_PX = 12;
const Y_AXIS_PX = 60;

/** The bars to name under the axis: every one when the labels fit side by side, else every
 *  n-th counted back from the newest, so the latest bar is always named. A label may have
 *  several lines ("Q1\n2025"); its longest line counts. */
export function labelledBars(labels: string[], width: number): number[] {
  const widest = Math.max(1, ...labels.flatMap((l) => l.split("\n").map((line) => line.length)));
  const needed = widest * CHAR_PX + GAP_PX;
  const room = Math.max(1, width - Y_AXIS_PX);
  const step = Math.max(1, Math.ceil((labels.length * needed) / room));
  return labels.map((_, i) => i).filter((i) => (labels.length - 1 - i) % step === 0);
}
