// What every listener gets from the composition root.
import type { Deps } from '../../services/ports';
import type { HomeSection } from '../home';
import type { InFlight } from './followUps';

export type ListenerDeps = Deps & {
  /** How long a command may work before it acks with "working on it" and answers through response_url. */
  ackBudgetMs: number;
  /** App Home sections beyond the person's own week, in order. */
  homeSections: readonly HomeSection[];
  /** Follow-ups running after their ack; shutdown waits for them before the database closes. */
  inFlight?: InFlight;
};
