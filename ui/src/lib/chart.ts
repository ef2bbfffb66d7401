// Geometry of the check-in trend chart: pure, so it is tested without a DOM.

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
