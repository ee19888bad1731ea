// `npm start` and the Docker image start the same process: the same V8 flags, which keep a 5,000-person
// check-in pass under 150 MB RSS (bench/memory.ts measures the pass with them).
import { imageFlags, startScriptFlags } from '../../bench/nodeFlags';

describe('production V8 flags', () => {
  it('are the same for npm start and the Docker image, and cap the young and old generations', () => {
    expect(startScriptFlags()).toEqual(imageFlags());
    expect(startScriptFlags()).toEqual(expect.arrayContaining([expect.stringMatching(/^--max-semi-space-size=\d+$/), expect.stringMatching(/^--max-old-space-size=\d+$/)]));
  });
});
