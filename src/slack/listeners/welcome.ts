// The welcome at first contact, as the listeners use it: decided before the trigger's own work, sent
// after its answer (services/welcome.ts has the rules).
import type { Person } from '../../core/model';
import type { FollowUp } from '../../services/ports';
import { welcomeFollowUp } from '../../services/welcome';
import { welcomeMessage } from '../blocks/welcome';
import type { ListenerDeps } from './context';

/** The welcome to run once the trigger has been answered, or null. */
export function welcomeFor(deps: ListenerDeps, person: Person): Promise<FollowUp | null> {
  return welcomeFollowUp(deps, person, welcomeMessage);
}

/** Runs `work` (the trigger's own answer), then the welcome if this is the person's first contact. */
export async function thenWelcome(deps: ListenerDeps, person: Person, work: () => Promise<void>): Promise<void> {
  const welcome = await welcomeFor(deps, person);
  await work();
  if (welcome) await welcome();
}
