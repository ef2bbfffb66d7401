// How a win's numbers read: "Failed releases: 8 → 1 per month (88 % better)".
import type { Win } from "../../bindings/Win";
import { formatNumber } from "../../shared/format";

export function impactText(a: Pick<Win, "impactMetric" | "impactUnit" | "impactBefore" | "impactAfter" | "higherIsBetter">): string | null {
  if (a.impactMetric === null || a.impactAfter === null) return null;
  const unit = a.impactUnit ? ` ${a.impactUnit}` : "";
  if (a.impactBefore === null) return `${a.impactMetric}: ${formatNumber(a.impactAfter)}${unit}`;
  const text = `${a.impactMetric}: ${formatNumber(a.impactBefore)} → ${formatNumber(a.impactAfter)}${unit}`;
  if (a.impactBefore === 0 || a.impactBefore === a.impactAfter) return text;
  const change = ((a.impactAfter - a.impactBefore) / Math.abs(a.impactBefore)) * 100;
  const better = a.higherIsBetter ? change > 0 : change < 0;
  return `${text} (${Math.round(Math.abs(change))} % ${better ? "better" : "worse"})`;
}
