// Charts as Block Kit's `data_visualization` block, each followed by a text line that says the same
// (a notification and a screen reader get the words; Slack draws the chart).
//
// The block's shape, as Slack's reference "Data visualization block" (changelog 2026-06-16) gives it
// and typed SDKs mirror it (the stored docs hold only the changelog; this is the shape assumed):
//   { type: 'data_visualization', title: string (≤ 50), block_id?,
//     chart: { type: 'bar' | 'line' | 'area',
//              series: [{ name, data: [{ label, value }] }]   1 to 6 series, names unique,
//                                                               every label one of the categories
//              axis_config: { categories: string[] (each ≤ 20), x_label? (≤ 50), y_label? (≤ 50) } }
//          | { type: 'pie', segments: [{ label, value }] }     1 to 6 segments }
// At most two such blocks in one message; App Home and modals are not documented to take them.
import type { KnownBlock } from '@slack/types';
import type { IsoDate } from '../../core/types';
import { clip, context } from './kit';
import { fmt, shortDayLabel } from './format';

export const CHART_TITLE_MAX = 50;
export const CHART_CATEGORY_MAX = 20;
export const CHART_SERIES_MAX = 6;
export const CHARTS_PER_MESSAGE = 2;
/** A team chart by person stays readable up to this many people; a bigger team is charted by week. */
export const TEAM_CHART_PEOPLE = 12;

export interface ChartPoint {
  label: string;
  value: number;
}

export interface ChartSeries {
  name: string;
  data: ChartPoint[];
}

export interface AxisConfig {
  categories: string[];
  x_label?: string;
  y_label?: string;
}

export type Chart =
  | { type: 'bar' | 'line' | 'area'; series: ChartSeries[]; axis_config: AxisConfig }
  | { type: 'pie'; segments: ChartPoint[] };

export interface DataVisualizationBlock {
  type: 'data_visualization';
  title: string;
  chart: Chart;
  block_id?: string;
}

/** One week of a person's history: its Monday, what was logged, and that week's own budget. */
export interface WeekPoint {
  start: IsoDate;
  minutes: number;
  budget: number;
}

/** Hours to one decimal: a chart's axis reads in hours, not minutes. */
const hours = (minutes: number): number => Math.round(minutes / 6) / 10;

/** The block, typed as a block so it sits in a message's list (@slack/types does not know it yet). */
export function dataVisualization(title: string, chart: Chart): KnownBlock {
  const block: DataVisualizationBlock = { type: 'data_visualization', title: clip(title, CHART_TITLE_MAX), chart };
  return block as unknown as KnownBlock;
}

/** Labels cut to Slack's 20 characters and kept unique (a series' labels must match distinct categories). */
export function categoryLabels(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((name) => {
    let label = clip(name.trim() || '?', CHART_CATEGORY_MAX);
    for (let n = 2; seen.has(label); n++) label = `${clip(name, CHART_CATEGORY_MAX - String(n).length - 1)} ${n}`;
    seen.add(label);
    return label;
  });
}

/** "Logged" against "Budget" per category, in hours: the shape every Ballast chart has. */
function loggedAgainstBudget(labels: string[], logged: number[], budget: number[], xLabel: string): Chart {
  return {
    type: 'bar',
    series: [
      { name: 'Logged', data: labels.map((label, i) => ({ label, value: hours(logged[i]) })) },
      { name: 'Budget', data: labels.map((label, i) => ({ label, value: hours(budget[i]) })) },
    ],
    axis_config: { categories: labels, x_label: xLabel, y_label: 'Hours' },
  };
}

/** The words the chart of weeks draws: each week logged against its budget, and how many went over. */
export function weeksChartText(weeks: readonly WeekPoint[], whose = 'Your'): string {
  const over = weeks.filter((w) => (w.budget > 0 ? w.minutes >= w.budget : w.minutes > 0)).length;
  const each = weeks.map((w) => `${shortDayLabel(w.start)} ${fmt(w.minutes)} of ${fmt(w.budget)}`).join(' · ');
  const verdict = over === 0 ? 'none over budget' : `${over} of ${weeks.length} at or over budget`;
  return `${whose} last ${weeks.length} ${weeks.length === 1 ? 'week' : 'weeks'}, logged against budget (weeks starting Monday): ${each}; ${verdict}.`;
}

/** A person's recent weeks against their budget: the chart, then the same in words. */
export function weeksChart(weeks: readonly WeekPoint[], opts: { whose?: string } = {}): KnownBlock[] {
  if (weeks.length === 0) return [];
  const labels = categoryLabels(weeks.map((w) => shortDayLabel(w.start)));
  const title = `${opts.whose ?? 'Your'} last ${weeks.length} weeks against budget`;
  return [
    dataVisualization(title, loggedAgainstBudget(labels, weeks.map((w) => w.minutes), weeks.map((w) => w.budget), 'Week starting')),
    context(weeksChartText(weeks, opts.whose)),
  ];
}

/** One person in a team chart; `name` is how the manager knows them (a display name, never an id). */
export interface TeamPoint {
  name: string;
  minutes: number;
  budget: number;
}

export function teamChartText(people: readonly TeamPoint[]): string {
  const each = people.map((p) => `${p.name} ${fmt(p.minutes)} of ${fmt(p.budget)}`).join(' · ');
  const over = people.filter((p) => (p.budget > 0 ? p.minutes >= p.budget : p.minutes > 0)).length;
  return `Last week by person, logged against budget: ${each}; ${over === 0 ? 'nobody over budget' : `${over} at or over budget`}.`;
}

/**
 * The manager's team last week: by person when the team is small enough to read, else the team's
 * weeks (total logged against total budget). Minutes against budget only, which a manager may see.
 */
export function teamChart(people: readonly TeamPoint[], teamWeeks: readonly WeekPoint[]): KnownBlock[] {
  if (people.length > 0 && people.length <= TEAM_CHART_PEOPLE) {
    const labels = categoryLabels(people.map((p) => p.name));
    return [
      dataVisualization('Your team last week against budget', loggedAgainstBudget(labels, people.map((p) => p.minutes), people.map((p) => p.budget), 'Person')),
      context(teamChartText(people)),
    ];
  }
  return teamWeeks.length ? weeksChart(teamWeeks, { whose: "Your team's" }) : [];
}
