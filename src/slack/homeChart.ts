// The chart of a person's recent weeks on App Home. App Home is not documented to take a
// data_visualization block, so the chart goes there as a PNG drawn here, uploaded to no channel,
// and shown by an image block naming the Slack file once Slack has processed it. Any failure falls
// back to the same facts in words: App Home is never held back by its chart.
import type { HomeView, KnownBlock } from '@slack/types';
import type { Person } from '../core/model';
import type { WeekModel } from '../core/week';
import { SlackError, type Deps } from '../services/ports';
import { recentWeeks } from '../services/week';
import { context } from './blocks/kit';
import { weeksChartText, type WeekPoint } from './blocks/chart';
import { svgToPng, weeksChartSvg } from './chartSvg';

export const HOME_CHART_WEEKS = 8;
/** Waits between `files.info` polls: bounded, about 4 s in all, then the words stand alone. */
export const POLL_DELAYS_MS = [0, 250, 500, 1000, 2000];
const CACHE_MAX = 2000;

export interface HomeChartOptions {
  pollDelaysMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Uploaded charts by Slack connection, then by workspace, person, week and the figures drawn: a Home
 * refresh with nothing new shows the same file; a new entry draws a new one. Per process (a replica
 * that has not drawn it draws it once more), bounded, oldest dropped first.
 */
const uploadedBy = new WeakMap<object, Map<string, string>>();

function cacheOf(slack: object): Map<string, string> {
  let m = uploadedBy.get(slack);
  if (!m) uploadedBy.set(slack, (m = new Map()));
  return m;
}

function remember(uploaded: Map<string, string>, key: string, fileId: string): void {
  uploaded.delete(key);
  uploaded.set(key, fileId);
  if (uploaded.size > CACHE_MAX) uploaded.delete(uploaded.keys().next().value!);
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function uploadWhenProcessed(deps: Deps, png: Buffer, title: string, opts: HomeChartOptions): Promise<string | null> {
  const fileId = await deps.slack.uploadImage({ filename: 'ballast-weeks.png', title, bytes: png });
  const sleep = opts.sleep ?? realSleep;
  for (const ms of opts.pollDelaysMs ?? POLL_DELAYS_MS) {
    if (ms > 0) await sleep(ms);
    if (await deps.slack.fileProcessed(fileId)) return fileId;
  }
  return null;
}

/** The chart's blocks for App Home: the image (when Slack has it ready) and the same in words. */
export async function homeChartBlocks(deps: Deps, person: Person, week: WeekModel, opts: HomeChartOptions = {}): Promise<KnownBlock[]> {
  const weeks: WeekPoint[] = await recentWeeks(deps, person, HOME_CHART_WEEKS, week.start);
  const words = weeksChartText(weeks);
  const key = `${person.teamId}:${person.id}:${week.weekKey}:${weeks.map((w) => `${w.minutes}/${w.budget}`).join(',')}`;
  const uploaded = cacheOf(deps.slack);
  let fileId = uploaded.get(key) ?? null;
  if (!fileId) {
    try {
      const title = `Your last ${weeks.length} weeks against budget`;
      fileId = await uploadWhenProcessed(deps, svgToPng(weeksChartSvg(weeks, title)), title, opts);
      if (fileId) remember(uploaded, key, fileId);
      else deps.log.warn({ personId: person.id }, 'home chart not processed in time; showing it in words');
    } catch (err) {
      deps.log.warn({ err, personId: person.id }, 'could not upload the home chart; showing it in words');
      fileId = null;
    }
  }
  const image = fileId
    ? [{ type: 'image', slack_file: { id: fileId }, alt_text: words } as unknown as KnownBlock]
    : [];
  return [...image, context(words)];
}

/**
 * The view with the chart at the top of the week section: after the first section under the
 * first header (the budget and level line). A view with no room left goes without it.
 */
export async function withHomeChart(deps: Deps, person: Person, week: WeekModel, view: HomeView, opts: HomeChartOptions = {}): Promise<HomeView> {
  const chart = await homeChartBlocks(deps, person, week, opts);
  const blocks = [...view.blocks];
  if (blocks.length + chart.length > 100) return view;
  const headerAt = blocks.findIndex((b) => b.type === 'header');
  const sectionAt = blocks.findIndex((b, i) => i > headerAt && b.type === 'section');
  blocks.splice(sectionAt >= 0 ? sectionAt + 1 : 0, 0, ...chart);
  return { ...view, blocks };
}

/** Drops every chart remembered for one person (their file was refused: deleted, or never kept). */
function forgetCharts(slack: object, person: Person): void {
  const uploaded = cacheOf(slack);
  const prefix = `${person.teamId}:${person.id}:`;
  for (const key of [...uploaded.keys()]) if (key.startsWith(prefix)) uploaded.delete(key);
}

/**
 * Publishes App Home with its chart. A file Slack no longer knows (deleted by an admin, or a workspace
 * that dropped it) makes Slack refuse the whole view: then the remembered file is forgotten, so the
 * next refresh draws a new one, and this refresh goes out with the chart in words only.
 */
export async function publishHomeWithChart(deps: Deps, person: Person, week: WeekModel, view: HomeView, opts: HomeChartOptions = {}): Promise<void> {
  const charted = await withHomeChart(deps, person, week, view, opts);
  try {
    await deps.slack.publishHome(person.id, charted);
  } catch (err) {
    const refused = err instanceof SlackError && (err.code === 'invalid_arguments' || err.code === 'invalid_blocks');
    if (charted === view || !refused) throw err;
    forgetCharts(deps.slack, person);
    deps.log.warn({ err, personId: person.id }, 'Slack refused App Home with its chart image; published it with the chart in words');
    await deps.slack.publishHome(person.id, { ...charted, blocks: charted.blocks.filter((b) => b.type !== 'image') });
  }
}
