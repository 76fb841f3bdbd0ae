// A Reply's chart in Block Kit: Slack's native data visualization block (a bar chart per series,
// within its limits), with its source numbers and as-of time in a context block under it; or, where a
// workspace refuses that block, the same figures as a text table. The message's `text` always
// carries the table, for notifications, screen readers and clients that cannot draw the chart.
// Reference: https://docs.slack.dev/reference/block-kit/blocks/data-visualization-block
import type { types } from '@slack/bolt';
import { chartSourceLine, chartTable } from '../../core/chart-text.ts';
import type { ReplyChart } from '../../core/reply.ts';
import type { Lang } from '../../facts/schema.ts';
import { cut, escapeSlack, inertMrkdwn } from './text.ts';

/** The data visualization block's limits, from Slack's reference. */
export const SLACK_CHART_LIMITS = {
  title: 50,
  seriesPerChart: 6,
  pointsPerSeries: 20,
  label: 20,
  seriesName: 20,
  axisLabel: 50,
  /** Data visualization blocks in one message. */
  perMessage: 2,
} as const;

/** Not in @slack/types yet (added to Block Kit in June 2026). */
export interface DataVisualizationBlock {
  type: 'data_visualization';
  title: string;
  chart: {
    type: 'bar';
    series: { name: string; data: { label: string; value: number }[] }[];
    axis_config: { categories: string[]; x_label?: string; y_label?: string };
  };
}

const plain = (text: string, max: number) => cut(text.replace(/\s+/g, ' ').trim(), max) || '…';

/**
 * One bar chart per series (its categories are its own: a block needs a value for every category
 * it lists, and we never invent one), at most two, each within the block's limits.
 */
export function dataVisualizationBlocks(chart: ReplyChart): DataVisualizationBlock[] {
  return chart.series.slice(0, SLACK_CHART_LIMITS.perMessage).map((series) => {
    const points = series.points.slice(0, SLACK_CHART_LIMITS.pointsPerSeries);
    const categories = points.map((p) => plain(p.label, SLACK_CHART_LIMITS.label));
    return {
      type: 'data_visualization',
      title: plain(`${chart.title} · ${series.name}`, SLACK_CHART_LIMITS.title),
      chart: {
        type: 'bar',
        series: [{ name: plain(series.name, SLACK_CHART_LIMITS.seriesName), data: points.map((p, i) => ({ label: categories[i]!, value: p.value })) }],
        axis_config: { categories, x_label: plain(chart.categoryLabel, SLACK_CHART_LIMITS.axisLabel), y_label: plain(chart.unit, SLACK_CHART_LIMITS.axisLabel) },
      },
    };
  });
}

/** The chart's sources (by the numbers the message lists them under) and as-of line (mrkdwn, inert). */
export function chartCaption(chart: ReplyChart, lang: Lang): string {
  return inertMrkdwn([`📊 ${chartSourceLine(chart, lang)}`, chart.note].filter(Boolean).join(' · '));
}

/** The figures as a monospaced table (mrkdwn, escaped): the fallback everywhere. */
export function chartTableMrkdwn(chart: ReplyChart): string {
  return `*${inertMrkdwn(chart.title)}*\n\`\`\`${escapeSlack(chartTable(chart).join('\n'))}\`\`\``;
}

/** The blocks for the chart: native (data visualization + caption) or the text table + caption. */
export function chartBlocks(chart: ReplyChart, lang: Lang, mode: 'native' | 'table'): types.KnownBlock[] {
  const caption: types.ContextBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: cut(chartCaption(chart, lang), 3000), verbatim: true }] };
  if (mode === 'table') {
    return [{ type: 'section', text: { type: 'mrkdwn', text: cut(chartTableMrkdwn(chart), 3000), verbatim: true } }, caption];
  }
  // Bolt's types predate the block; Slack's Web API takes it as it is.
  return [...(dataVisualizationBlocks(chart) as unknown as types.KnownBlock[]), caption];
}
