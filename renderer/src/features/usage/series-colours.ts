import type { UsageSeries } from '../../../../shared/contract';

type SeriesKind = UsageSeries['series'][number]['kind'];

const GROUP_COLOURS = ['--chart-1', '--chart-2', '--chart-3', '--chart-4', '--chart-5', '--chart-6', '--chart-7', '--chart-8'] as const;

/** The id of the SVG hatch pattern unattributed usage is filled with (one per document, see UnattributedHatch). */
export const UNATTRIBUTED_HATCH_ID = 'usage-unattributed-hatch';

/**
 * The fill of a series: the top groups take the chart tokens in order, "other" is flat grey and
 * "unattributed" is hatched, so it is never read as one more group or as part of "other".
 */
export function seriesFill(kind: SeriesKind, groupIndex: number): string {
  if (kind === 'unattributed') return `url(#${UNATTRIBUTED_HATCH_ID})`;
  if (kind === 'other') return 'var(--chart-other)';
  return `var(${GROUP_COLOURS[groupIndex % GROUP_COLOURS.length]})`;
}

/** The same, for an HTML swatch (a legend entry, a tooltip line): CSS cannot use the SVG pattern. */
export function swatchClassOf(kind: SeriesKind): string {
  return kind === 'unattributed' ? 'usage-swatch usage-swatch--unattributed' : 'usage-swatch';
}
