// A person's own settings as controls: App Home's "Your settings" section, and the two modals it
// (and the welcome DM) opens: check-in time and days, and pause until a date.
import type { Checkboxes, InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import type { Person } from '../../core/model';
import type { OrgSettings } from '../../core/settings';
import type { IsoDate, Weekday } from '../../core/types';
import { checkinTimeOf } from '../../core/schedule';
import { lastMinuteOf } from '../../core/sendingWindow';
import { addDays } from '../../core/time';
import { ACTIONS, BLOCKS, SETTINGS_MODAL as S, VIEWS } from '../ids';
import { daysLabel } from '../listeners/commands/subcommands/controls';
import { button, context, header, plain, section } from './kit';
import { dayLabel } from './format';

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const DEFAULT_DAYS: Weekday[] = [1, 2, 3, 4, 5];

/** The days a person's check-in comes on (Monday to Friday until they choose). */
export const checkinDaysOf = (p: Pick<Person, 'checkinDays'>): Weekday[] => (p.checkinDays.length ? p.checkinDays : DEFAULT_DAYS);

/** Paused today: the stored flag, held to its last date. */
function pausedLine(p: Person, today: IsoDate): string | null {
  if (!p.paused || (p.pausedUntil !== null && p.pausedUntil < today)) return null;
  return p.pausedUntil
    ? `*Paused* through ${dayLabel(p.pausedUntil)}: no check-ins, pulses, nudges or assignments. They start again on ${dayLabel(addDays(p.pausedUntil, 1))}.`
    : '*Paused* until you resume: no check-ins, pulses, nudges or assignments.';
}

/** App Home's "Your settings": each setting says what it does now, with the control that changes it. */
export function settingsBlocks(p: Person, settings: OrgSettings, today: IsoDate): KnownBlock[] {
  const checkin = p.checkinEnabled
    ? `*Daily check-in:* ${checkinTimeOf(p, settings)} your time (${p.tz}), ${daysLabel(checkinDaysOf(p))}.`
    : '*Daily check-in:* off. Ballast will not ask what you did each day.';
  const paused = pausedLine(p, today);
  return [
    header('Your settings'),
    section(checkin, { blockId: BLOCKS.homeSettings, accessory: button('Change', ACTIONS.openCheckinSettings, 'home') }),
    paused
      ? section(paused, { accessory: button('Resume', ACTIONS.homeResume, 'home', 'primary') })
      : section('*Pause:* not paused. Out of office or in crunch time? Pause everything until a date.', { accessory: button('Pause…', ACTIONS.openPause, 'home') }),
    p.nudgesEnabled
      ? section('*Nudges:* on. A word after 14 quiet days, and tips on your mix of work in the weekly pulse.', { accessory: button('Turn off', ACTIONS.homeNudges, 'off') })
      : section('*Nudges:* off. Warnings about your budget still arrive.', { accessory: button('Turn on', ACTIONS.homeNudges, 'on') }),
    p.shareStrain
      ? section('*Your strain answers:* shared by name with your manager in their digest.', { accessory: button('Stop sharing', ACTIONS.homeShareStrain, 'off') })
      : section('*Your strain answers:* private. Your manager sees them only in a team figure of at least 5 answers.', { accessory: button('Share with my manager', ACTIONS.homeShareStrain, 'on') }),
    context('`/ballast privacy` shows exactly what your manager, leads and admins can see.'),
  ];
}

const dayOption = (d: Weekday): PlainTextOption => ({ text: plain(DAY_NAMES[d - 1]), value: String(d) });

/** Check-in time (a timepicker) and days (checkboxes), and whether it comes at all. */
export function checkinSettingsModal(p: Person, settings: OrgSettings): ModalView {
  const days: Checkboxes = {
    type: 'checkboxes', action_id: S.daysAction,
    options: ([1, 2, 3, 4, 5, 6, 7] as Weekday[]).map(dayOption),
    initial_options: checkinDaysOf(p).map(dayOption),
  };
  const on = { text: plain('Send me a daily check-in'), value: 'on' };
  const enabled: Checkboxes = { type: 'checkboxes', action_id: S.enabledAction, options: [on], ...(p.checkinEnabled ? { initial_options: [on] } : {}) };
  const blocks: (InputBlock | KnownBlock)[] = [
    { type: 'input', block_id: S.enabledBlock, label: plain('Check-in'), optional: true, element: enabled },
    {
      type: 'input', block_id: S.timeBlock, label: plain('Time, in your zone'),
      hint: plain(`${p.tz}. Ballast sends DMs between ${settings.quietStart} and ${settings.quietEnd}, so pick a time from ${settings.quietStart} to ${lastMinuteOf(settings)}.`),
      element: { type: 'timepicker', action_id: S.timeAction, initial_time: checkinTimeOf(p, settings) },
    },
    { type: 'input', block_id: S.daysBlock, label: plain('Days'), element: days },
    context('A check-in is skipped on days you already logged, while you are paused, and on org holidays.'),
  ];
  return {
    type: 'modal', callback_id: VIEWS.checkinSettings,
    title: plain('Check-in'), submit: plain('Save'), close: plain('Cancel'), blocks,
  };
}

/** Pause through a date (a datepicker; empty means until you resume), or resume when already paused. */
export function pauseModal(p: Person, today: IsoDate): ModalView {
  const paused = pausedLine(p, today);
  const blocks: (InputBlock | KnownBlock)[] = [];
  if (paused) blocks.push(section(paused, { accessory: button('Resume now', ACTIONS.homeResume, 'modal', 'primary') }));
  blocks.push(
    {
      type: 'input', block_id: S.untilBlock, optional: true, label: plain(paused ? 'Change the last paused day' : 'Pause through'),
      hint: plain('Leave it empty to pause until you resume. A pause lasts at most a year.'),
      element: {
        type: 'datepicker', action_id: S.untilAction, placeholder: plain('Pick the last day away'),
        ...(p.paused && p.pausedUntil && p.pausedUntil >= today ? { initial_date: p.pausedUntil } : {}),
      },
    },
    context('While paused: no check-ins, pulses, nudges or assignments. Offers not yet accepted go back to their leads.'),
  );
  return {
    type: 'modal', callback_id: VIEWS.pause,
    title: plain('Pause Ballast'), submit: plain('Pause'), close: plain('Cancel'), blocks,
  };
}

/** The pause modal once "Resume now" was clicked in it. */
export function resumedModal(): ModalView {
  return {
    type: 'modal', callback_id: VIEWS.pause, title: plain('Pause Ballast'), close: plain('Close'),
    blocks: [section(':arrow_forward: Welcome back. Check-ins, pulses and nudges are on again.')],
  };
}
