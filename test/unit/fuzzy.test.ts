import { editDistance, nearMiss } from '../../src/core/fuzzy';

describe('editDistance', () => {
  it.each([
    ['log', 'log', 0], ['lgo', 'log', 1], ['', 'abc', 3], ['abc', '', 3], ['kitten', 'sitting', 3],
    ['linkedin', 'lnkedn', 2], ['ca', 'abc', 3], ['abcdef', 'badcfe', 3],
  ])('%s to %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('with a bound, gives the distance when within it and bound + 1 otherwise', () => {
    const words = ['respond', 'reply', 'comment', 'share', 'post', 'linkedin', 'yesterday', 'rpely', 'bench', 'x', '', 'sharing'];
    for (const a of words) {
      for (const b of words) {
        const exact = editDistance(a, b);
        for (const bound of [0, 1, 2]) expect([a, b, bound, editDistance(a, b, bound)]).toEqual([a, b, bound, exact <= bound ? exact : bound + 1]);
      }
    }
  });

  it('measures a long word after a short one (the rows it reuses grow)', () => {
    expect(editDistance('ab', 'ab')).toBe(0);
    const long = 'a'.repeat(100);
    expect(editDistance(long, `${long}b`)).toBe(1);
  });
});

describe('nearMiss', () => {
  const vocabulary = ['reply', 'respond', 'comment', 'share', 'post', 'linkedin', 'yesterday'];
  it.each([
    ['rpely', 'reply'], ['replied', 'reply'], ['replies', 'reply'], ['shared', 'share'], ['sharing', 'share'],
    ['comments', 'comment'], ['posts', 'post'], ['psot', 'post'], ['linkdin', 'linkedin'], ['yestrday', 'yesterday'],
  ])('reads %s as %s', (word, meant) => {
    expect(nearMiss(word, vocabulary)).toBe(meant);
  });

  it.each(['bench', 'most', 'past', 'the', 'thread', 'context', 'reply', 'sharp'])('leaves %s alone', (word) => {
    expect(nearMiss(word, vocabulary)).toBeUndefined();
  });
});
