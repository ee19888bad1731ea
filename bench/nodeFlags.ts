// The V8 flags production runs with, in the two places that start it: `npm start` (package.json's
// start script, ahead of the operator's NODE_OPTIONS) and the Docker image (its NODE_OPTIONS). A unit test keeps the two the same, so the
// memory bench measures what either way of running Ballast gets.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/**
 * The V8 options package.json's start script puts in front of NODE_OPTIONS (so that an operator's own
 * NODE_OPTIONS, coming after them, wins: `NODE_OPTIONS=--max-old-space-size=1024 npm start`).
 */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const m = /^NODE_OPTIONS="([^"$]*?)\s*\$NODE_OPTIONS" node /.exec(pkg.scripts.start);
  if (!m) throw new Error(`package.json's start script does not set NODE_OPTIONS before the operator's: ${pkg.scripts.start}`);
  return m[1].split(/\s+/).filter(Boolean);
}

/** The Dockerfile's NODE_OPTIONS, split into options. */
export function imageFlags(): string[] {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const m = /NODE_OPTIONS="([^"]*)"/.exec(dockerfile);
  return m ? m[1].split(/\s+/).filter(Boolean) : [];
}
