// Reliability tests record what they measured here; docs/RELIABILITY.md quotes a real run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Set BALLAST_FIGURES to choose the file; default `<tmp>/ballast-reliability-figures.json`. */
export const FIGURES_FILE = process.env.BALLAST_FIGURES ?? path.join(os.tmpdir(), 'ballast-reliability-figures.json');

/**
 * Merge one case's figures into the file (each test file writes its own keys). In the jest project
 * "postgres" the key ends in "@postgres", so a suite run on both databases keeps both sets. The file is
 * replaced whole (written beside it, then renamed), so a reader never sees half of it.
 */
export function recordFigures(caseName: string, figures: Record<string, unknown>): void {
  let all: Record<string, unknown>;
  try {
    all = JSON.parse(fs.readFileSync(FIGURES_FILE, 'utf8')) as Record<string, unknown>;
  } catch {
    all = {};
  }
  const key = process.env.BALLAST_TEST_DB === 'postgres' ? `${caseName}@postgres` : caseName;
  all[key] = { ...figures, recordedAt: new Date().toISOString() };
  const next = `${FIGURES_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(next, `${JSON.stringify(all, null, 2)}\n`);
  fs.renameSync(next, FIGURES_FILE);
}
