// Durations as people type them (`30m`, `45 min`, `1 hour 30 minutes`, `1.5h`, `1:30`, `45`) and as Ballast shows them.
// One reader for the command (where a duration is the first few words) and every modal field (the whole text).
import { nearMiss } from './fuzzy';

const NUMBER = /^(?:\d+(?:\.\d+)?|\.\d+)$/;
const HOUR_WORDS = ['h', 'hr', 'hrs', 'hour', 'hours'];
const MINUTE_WORDS = ['m', 'min', 'mins', 'minute', 'minutes'];
const UNIT_TYPO_WORDS = ['hour', 'hours', 'minute', 'minutes', 'mins'];
const HOUR_UNIT = '(?:h|hr|hrs|hour|hours)';
const MINUTE_UNIT = '(?:m|min|mins|minute|minutes)';
const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
// One word: `2h`, `1.5hours`, `30min`, `1h30m`, `1h30`. A bare number is read separately (it may be followed by a unit word).
const HOURS_ONLY = new RegExp(`^${NUM}${HOUR_UNIT}$`);
const MINUTES_ONLY = new RegExp(`^${NUM}${MINUTE_UNIT}$`);
const HOURS_MINUTES = new RegExp(`^${NUM}${HOUR_UNIT}${NUM}${MINUTE_UNIT}?$`);
const CLOCK = /^(\d+):([0-5]\d)$/;

/**
 * What the words at a position say: a duration and how many words it took, a duration written so
 * that its minutes are unclear (refused with `message`, never guessed), or nothing like a duration.
 */
export type DurationReading =
  | { ok: true; minutes: number; used: number; /** False for a bare number, which has no unit. */ unit: boolean }
  | { ok: false; message: string; used: number }
  | null;

interface Part {
  value: number;
  used: number;
}

const isHourWord = (w: string | undefined) => w !== undefined && HOUR_WORDS.includes(w);
const isMinuteWord = (w: string | undefined) => w !== undefined && MINUTE_WORDS.includes(w);

function problem(message: string, used: number): DurationReading {
  return { ok: false, message, used };
}

function finish(hours: number, minutes: number, used: number, unit: boolean, shown: string): DurationReading {
  const total = hours * 60 + minutes;
  if (!Number.isFinite(total)) return null;
  const whole = Math.round(total);
  // `2.5m` or `0.01h` is not a whole minute: storing 3 or 1 would be a guess.
  if (Math.abs(total - whole) > 1e-6) {
    return problem(`\`${shown}\` is ${Number(total.toFixed(2))} minutes; Ballast counts whole minutes. Write it like ${formatMinutes(Math.max(1, whole))}.`, used);
  }
  return { ok: true, minutes: whole, used, unit };
}

/** The minutes that may follow an hours part: `30m`, `30 min`, `and 30 minutes`, or (in a field) a bare `30`. */
function minutesAfterHours(words: readonly string[], j: number, bareAllowed: boolean): Part | { bad: string; used: number } | null {
  let k = j;
  if (words[k] === 'and') k += 1;
  const w = words[k];
  if (w === undefined) return null;
  const withUnit = MINUTES_ONLY.exec(w);
  let value: number;
  let end: number;
  if (withUnit) {
    value = Number(withUnit[1]);
    end = k + 1;
  } else if (NUMBER.test(w) && isMinuteWord(words[k + 1])) {
    value = Number(w);
    end = k + 2;
  } else if (NUMBER.test(w) && bareAllowed && k === j && k + 1 === words.length) {
    value = Number(w);
    end = k + 1;
  } else {
    return null;
  }
  if (!Number.isInteger(value) || value >= 60) return { bad: words.slice(j, end).join(' '), used: end - j };
  return { value, used: end - j };
}

/**
 * Read a duration starting at `words[i]` (lower-cased words). With `wholeText`, the words are a
 * modal field's entire text, so a bare number after hours (`1h 30`) can only be its minutes.
 */
export function readDuration(words: readonly string[], i: number, wholeText = false): DurationReading {
  const w = words[i];
  if (w === undefined || w === '') return null;

  const clock = CLOCK.exec(w);
  if (clock) return finish(Number(clock[1]), Number(clock[2]), 1, true, w);

  const hm = HOURS_MINUTES.exec(w);
  if (hm) {
    if (hm[1].includes('.') || Number(hm[2]) >= 60 || hm[2].includes('.')) {
      return problem(`\`${w}\` isn't a duration I can read: write whole hours and up to 59 minutes, like 1h30m, or just minutes, like 90m.`, 1);
    }
    return finish(Number(hm[1]), Number(hm[2]), 1, true, w);
  }

  const mOnly = MINUTES_ONLY.exec(w);
  if (mOnly) return finish(0, Number(mOnly[1]), 1, true, w);

  let hours: Part;
  const hOnly = HOURS_ONLY.exec(w);
  if (hOnly) hours = { value: Number(hOnly[1]), used: 1 };
  else if (NUMBER.test(w)) {
    const next = words[i + 1];
    if (isHourWord(next)) hours = { value: Number(w), used: 2 };
    else if (isMinuteWord(next)) return finish(0, Number(w), 2, true, `${w} ${next}`);
    else {
      const typo = next !== undefined && next.length >= 4 ? nearMiss(next, UNIT_TYPO_WORDS) : undefined;
      if (typo !== undefined) return problem(`\`${w} ${next}\`: did you mean ${w} ${typo}?`, 2);
      if (w.includes('.')) return problem(`\`${w}\` has no unit: write ${w}h for hours, or whole minutes like ${Math.max(1, Math.round(Number(w)))}m.`, 1);
      return finish(0, Number(w), 1, false, w);
    }
  } else {
    return null;
  }

  const after = minutesAfterHours(words, i + hours.used, wholeText);
  const shown = words.slice(i, i + hours.used).join(' ');
  if (after === null) return finish(hours.value, 0, hours.used, true, shown);
  const used = hours.used + after.used;
  const all = words.slice(i, i + used).join(' ');
  if ('bad' in after || !Number.isInteger(hours.value)) {
    return problem(`\`${all}\` isn't a duration I can read: write whole hours and up to 59 minutes, like 1 hour 30 minutes, or just minutes, like 90m.`, used);
  }
  return finish(hours.value, after.value, used, true, all);
}

/** Split a field's text into the words readDuration takes. */
export function durationWords(text: string): string[] {
  return text.trim().toLowerCase().split(/\s+/).filter((w) => w !== '');
}

/** A whole text (a modal field) as a duration: minutes, or what is wrong with it in words. Zero is returned as 0: callers check ranges. */
export function readDurationText(text: string): { ok: true; minutes: number } | { ok: false; message: string } {
  const words = durationWords(text);
  const shown = text.trim().slice(0, 40);
  const unreadable = `“${shown}” isn't a duration. Try 30m, 45 min, 1h, 1 hour 30 minutes, 1.5h or 1:30.`;
  if (words.length === 0) return { ok: false, message: 'Say how long, for example 30m or 1h15m.' };
  const r = readDuration(words, 0, true);
  if (r === null) return { ok: false, message: unreadable };
  if (!r.ok) return { ok: false, message: r.message };
  if (r.used < words.length) return { ok: false, message: unreadable };
  return { ok: true, minutes: r.minutes };
}

/** Whole minutes from a text that is all duration, or null when it is not one (or its minutes are unclear). */
export function parseDuration(text: string): number | null {
  const r = readDurationText(text);
  return r.ok ? r.minutes : null;
}

/** `45m`, `1h`, `1h 30m`, `12h`; negative amounts (e.g. "over by") keep their sign. */
export function formatMinutes(m: number): string {
  const total = Math.round(m);
  if (total < 0) return `-${formatMinutes(-total)}`;
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes}m`;
  if (minutes === 0) return `${hours}h`;
  return `${hours}h ${minutes}m`;
}
