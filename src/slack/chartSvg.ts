// A person's recent weeks against their budget as an SVG bar chart, and that SVG as a PNG: App Home
// takes no data_visualization block, so it shows this image instead (slack/homeChart.ts).
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { shortDayLabel } from './blocks/format';
import type { WeekPoint } from './blocks/chart';

export const CHART_WIDTH = 800;
export const CHART_HEIGHT = 360;
const FONT_FAMILY = 'DejaVu Sans';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const hours = (m: number): string => {
  const h = Math.round(m / 6) / 10;
  return `${h}h`;
};

/** Bars of hours logged per week, a step line at each week's budget; a bar at or over budget is red. */
export function weeksChartSvg(weeks: readonly WeekPoint[], title: string): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const left = 56;
  const right = 16;
  const top = 48;
  const bottom = 48;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const maxMinutes = Math.max(60, ...weeks.map((w) => Math.max(w.minutes, w.budget)));
  // Round the scale up to whole hours so the grid lines fall on them.
  const topHours = Math.ceil((maxMinutes * 1.1) / 60);
  const y = (minutes: number): number => top + plotH - (minutes / (topHours * 60)) * plotH;
  const slot = plotW / Math.max(1, weeks.length);
  const barW = Math.min(60, slot * 0.6);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${FONT_FAMILY}">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<text x="${left}" y="28" font-size="18" font-weight="bold" fill="#1d1c1d">${esc(title)}</text>`,
  ];
  const step = Math.max(1, Math.ceil(topHours / 5));
  for (let h = 0; h <= topHours; h += step) {
    const gy = y(h * 60).toFixed(1);
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${gy}" y2="${gy}" stroke="#e8e8e8"/>`);
    parts.push(`<text x="${left - 8}" y="${(y(h * 60) + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#616061">${h}h</text>`);
  }
  weeks.forEach((w, i) => {
    const cx = left + slot * i + slot / 2;
    const over = w.budget > 0 ? w.minutes >= w.budget : w.minutes > 0;
    const by = y(w.minutes);
    parts.push(`<rect x="${(cx - barW / 2).toFixed(1)}" y="${by.toFixed(1)}" width="${barW.toFixed(1)}" height="${(top + plotH - by).toFixed(1)}" fill="${over ? '#e01e5a' : '#2eb67d'}"/>`);
    if (w.minutes > 0) parts.push(`<text x="${cx.toFixed(1)}" y="${(by - 6).toFixed(1)}" font-size="12" text-anchor="middle" fill="#1d1c1d">${hours(w.minutes)}</text>`);
    const ly = y(w.budget).toFixed(1);
    parts.push(`<line x1="${(cx - slot / 2 + 4).toFixed(1)}" x2="${(cx + slot / 2 - 4).toFixed(1)}" y1="${ly}" y2="${ly}" stroke="#1264a3" stroke-width="3" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${cx.toFixed(1)}" y="${H - bottom + 20}" font-size="12" text-anchor="middle" fill="#616061">${esc(shortDayLabel(w.start))}</text>`);
  });
  parts.push(
    `<rect x="${left}" y="${H - 18}" width="12" height="12" fill="#2eb67d"/><text x="${left + 18}" y="${H - 8}" font-size="12" fill="#1d1c1d">Logged</text>`,
    `<rect x="${left + 90}" y="${H - 18}" width="12" height="12" fill="#e01e5a"/><text x="${left + 108}" y="${H - 8}" font-size="12" fill="#1d1c1d">At or over budget</text>`,
    `<line x1="${left + 250}" x2="${left + 280}" y1="${H - 12}" y2="${H - 12}" stroke="#1264a3" stroke-width="3" stroke-dasharray="6 4"/><text x="${left + 288}" y="${H - 8}" font-size="12" fill="#1d1c1d">Budget</text>`,
    '</svg>',
  );
  return parts.join('');
}

/**
 * DejaVu Sans from its npm package, as TTF: resvg draws no label at all with a WOFF font or an empty
 * font list, and says nothing. System fonts are not loaded, so every machine draws the same image.
 */
function fontFile(): string {
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
}

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fontFile()], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    background: '#ffffff',
  });
  return Buffer.from(resvg.render().asPng());
}
