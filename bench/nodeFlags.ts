// The V8 flags production runs with, in the two places that start it: `npm start` (package.json's
// start script) and the Docker image (its NODE_OPTIONS). A unit test keeps the two the same, so the
// memory bench measures what either way of running Ballast gets.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

/** The `--…` options before the script in package.json's start script. */
export function startScriptFlags(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json's start script does not run node: ${pkg.scripts.start}`);
  return words.slice(1).filter((w) => w.startsWith('--'));
}

/** The Dockerfile's NODE_OPTIONS, split into options. */
export function imageFlags(): string[] {
  const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const m = /NODE_OPTIONS="([^"]*)"/.exec(dockerfile);
  return m ? m[1].split(/\s+/).filter(Boolean) : [];
}
