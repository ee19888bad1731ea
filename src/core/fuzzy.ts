// Near misses: the subcommand someone meant, and the kind, network or date word a typo stands for.

/** Edit distance counting a swap of neighbours as one edit, so `lgo` is one away from `log`. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
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
    const dist = editDistance(w, c);
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
  const forms = [`${c}s`, `${c}es`, `${c}ed`, `${c}ing`];
  if (c.endsWith('e')) forms.push(`${c}d`, `${c.slice(0, -1)}ing`);
  if (c.endsWith('y')) forms.push(`${c.slice(0, -1)}ies`, `${c.slice(0, -1)}ied`);
  return forms.includes(w);
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
    const dist = editDistance(w, c);
    const swapped = c.length === 4 && dist === 1 && w.length === 4 && [...w].sort().join('') === [...c].sort().join('');
    if ((dist <= limit || swapped) && dist < bestDistance) {
      best = c;
      bestDistance = dist;
    }
  }
  return best;
}
