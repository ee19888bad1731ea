// The one real clock; everything else receives a Clock.
import type { Clock } from './services/ports';

// eslint-disable-next-line no-restricted-properties
export const systemClock: Clock = { now: () => Date.now() };
