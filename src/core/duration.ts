// Durations as people type them (`30m`, `1h30m`, `1.5h`, `1:30`, `45`) and as Ballast shows them.

const NUM = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const HOUR_UNIT = '(?:h|hr|hrs|hour|hours)';
const MIN_UNIT = '(?:m|min|mins|minute|minutes)';
// The hour and minute parts may be separated by a space so that what formatMinutes prints
// (`1h 30m`) reads back; the command grammar never hands over such a string as one token.
const UNIT_FORM = new RegExp(`^(?:${NUM}${HOUR_UNIT})?\\s*(?:${NUM}(${MIN_UNIT})?)?$`, 'i');
const CLOCK_FORM = /^(\d+):([0-5]\d)$/;

/** Whole minutes from a duration, or null when it is not one. Zero is returned as 0: callers check ranges. */
export function parseDuration(token: string): number | null {
  const s = token.trim();
  if (s === '') return null;

  const clock = CLOCK_FORM.exec(s);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);

  const m = UNIT_FORM.exec(s);
  if (!m) return null;
  const [, hoursText, minutesText, minuteUnit] = m;
  if (hoursText === undefined && minutesText === undefined) return null;
  if (hoursText !== undefined && minutesText !== undefined) {
    // `1.5h30m` and `1h75m` are more likely typos than intent; `1:75` is refused for the same reason.
    if (hoursText.includes('.') || Number(minutesText) >= 60) return null;
  }
  // `1h 30` is fine, but a space before a bare number with no hours (` 30`) was trimmed already,
  // and `30 m`-style splits never reach here as one token.
  if (hoursText === undefined && minuteUnit === undefined && /\s/.test(s)) return null;

  const minutes = Number(hoursText ?? 0) * 60 + Number(minutesText ?? 0);
  return Number.isFinite(minutes) ? Math.round(minutes) : null;
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
