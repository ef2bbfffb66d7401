// Layout rules for the bar charts, kept apart from uPlot so they can be tested.

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
