// Near misses: the subcommand someone meant, and the kind, network or date word a typo stands for.

// Three rolling rows, reused between calls: every `/ballast log` note word is measured against the
// vocabulary, so this runs dozens of times per command and should not allocate a table each time.
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Edit distance counting a swap of neighbours as one edit, so `lgo` is one away from `log`. With
 * `atMost`, stops as soon as the distance must exceed it and returns `atMost + 1`.
 */
export function editDistance(a: string, b: string, atMost = Infinity): number {
  const n = b.length;
  if (rows[0].length <= n) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, prev, cur] = rows; // rows i - 2, i - 1 and i
  for (let j = 0; j <= n; j++) prev[j] = j;
  let prevMin = 0;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let best = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) best = Math.min(best, before[j - 2] + 1);
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // A swap reaches back two rows, so only two rows in a row above the bound settle it.
    if (rowMin > atMost && prevMin > atMost) return atMost + 1;
    prevMin = rowMin;
    [before, prev, cur] = [prev, cur, before];
  }
  return Math.min(prev[n], atMost + 1);
}

/** The closest candidate: a prefix match (2+ letters) first, else within 2 edits (1 for very short words). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  if (w.length >= 2) {
    const prefixed = candidates.find((c) => c.startsWith(w));
    if (prefixed) return prefixed;
  }
  const limit = w.length <= 3 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    // The distance is at least the difference in length: skip the quadratic work for hopeless pairs
    // (a pasted paragraph as the first word would otherwise cost a table of its length per candidate).
    if (Math.abs(w.length - c.length) > limit) continue;
    const dist = editDistance(w, c, limit);
    if (dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}

/**
 * Real words that sit within a typo's reach of a kind, network or date word, and that a note may
 * well start with: `thread` (threads), `context` (content), `others` (other), `most`/`past` would
 * be caught by a looser rule. They start a note as they are.
 */
const NOT_TYPOS = new Set([
  'thread', 'threat', 'threats', 'treads', 'context', 'contest', 'contests', 'contend', 'contents', 'others', 'mother',
  'otter', 'ether', 'form', 'forms', 'shame', 'shape', 'sharp', 'shard', 'shark', 'shore', 'spare', 'stare', 'scare',
  'snare', 'shale', 'shade', 'shake', 'hare', 'crate', 'listed', 'lister', 'glisten', 'sundry', 'twister', 'titter',
  'pots', 'commend', 'toady', 'ready', 'reader', 'readers', 'monday\'s', 'friday\'s',
]);

/** Plural and past forms: `comments`, `replied`, `shared`, `posting` are one of the kind words, not a note. */
function inflects(w: string, c: string): boolean {
  if (!w.startsWith(c.slice(0, -1))) return false;
  const end = w.slice(c.length);
  if (w.startsWith(c) && (end === 's' || end === 'es' || end === 'ed' || end === 'ing')) return true;
  const stem = c.slice(0, -1);
  const tail = w.slice(stem.length);
  if (c.endsWith('e')) return (w.startsWith(c) && end === 'd') || tail === 'ing';
  if (c.endsWith('y')) return tail === 'ies' || tail === 'ied';
  return false;
}

/**
 * The vocabulary word that `word` is probably a mistyping of, or undefined. Strict enough that
 * ordinary words do not trip it: nothing under 4 letters (`a`, `the`, `red`), one edit for words
 * of 5 to 7 letters (`replay`, `twiter`), two only between long words (`lnkedn`, `yestrday`),
 * and for the 4-letter words (`read`, `post`, `blog`) only swapped letters or an ending (`raed`,
 * `posts`), since one changed letter makes `most`, `past`, `lead` and `head`.
 */
export function nearMiss(word: string, vocabulary: readonly string[]): string | undefined {
  const w = word.toLowerCase().replace(/[.,;:!?]+$/, '');
  if (w.length < 4 || !/^[a-z']+$/.test(w) || NOT_TYPOS.has(w) || vocabulary.includes(w)) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of vocabulary) {
    if (c.length < 4) continue;
    if (inflects(w, c)) return c;
    const limit = c.length >= 8 && w.length >= 7 ? 2 : c.length >= 5 ? 1 : 0;
    if (Math.abs(w.length - c.length) > Math.max(limit, 1)) continue;
    const dist = editDistance(w, c, Math.max(limit, 1));
    const swapped = c.length === 4 && dist === 1 && w.length === 4 && [...w].sort().join('') === [...c].sort().join('');
    if ((dist <= limit || swapped) && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}
