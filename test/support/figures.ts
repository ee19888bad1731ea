// Reliability tests record what they measured here; docs/RELIABILITY.md quotes a real run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Set BALLAST_FIGURES to choose the file; default `<tmp>/ballast-reliability-figures.json`. */
export const FIGURES_FILE = process.env.BALLAST_FIGURES ?? path.join(os.tmpdir(), 'ballast-reliability-figures.json');

/** Merge one case's figures into the file (each test file writes its own keys). */
export function recordFigures(caseName: string, figures: Record<string, unknown>): void {
  let all: Record<string, unknown>;
  try {
    all = JSON.parse(fs.readFileSync(FIGURES_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    all = {};
  }
  all[caseName] = { ...figures, recordedAt: new Date().toISOString() };
  fs.writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
}
