/** A labelled tick of the chart's time axis: a period's start (the axis' category) and what it reads. */
export type TimeTick = { start: string; label: string };

const DAY_SECONDS = 86_400;

// Steps between ticks a person counts in, as Grafana's axes do: every quarter hour or every 3 hours, not every 35 minutes.
const STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, DAY_SECONDS, 2 * DAY_SECONDS, 7 * DAY_SECONDS, 14 * DAY_SECONDS, 28 * DAY_SECONDS];

// What a label's character takes at the axis' 11 px: a digit of Inter is about 6 px, and the date's letters less.
const CHAR_PX = 6.2;
const LEAST_GAP_PX = 12;

/**
 * The ticks of the chart's time axis, at most as many as `plotWidth` holds
 * side by side, at whole steps of the day in `timeZone` (the zone the page
 * shows times in): 00:00, 03:00, 06:00… When the periods span less than a
 * day, a tick says the time alone, but the first tick and the first of each
 * day after it carry the date, as Grafana's and Kibana's do: ticks that read
 * 23:00 then 01:00 would not say that a day had turned. Across days every
 * tick carries its date, and periods of a day or more read as dates alone.
 */
export function timeTicks(starts: readonly string[], bucketSeconds: number, timeZone: string | undefined, plotWidth: number): TimeTick[] {
  const clock = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone });
  const calendar = new Intl.DateTimeFormat("en-GB", { month: "short", day: "numeric", timeZone });
  const periods = starts.map((start) => readPeriod(new Date(start), bucketSeconds, clock, calendar));
  const acrossDays = Date.parse(starts.at(-1) ?? "") - Date.parse(starts[0] ?? "") >= DAY_SECONDS * 1000;
  const periodPx = plotWidth / Math.max(starts.length, 1);
  let ticks: Placed[] = [];
  for (const step of STEPS.filter((each) => each % bucketSeconds === 0)) {
    ticks = labelled(periods, atStep(periods, bucketSeconds, step), bucketSeconds, acrossDays);
    if (fits(ticks, periodPx)) break;
  }
  return ticks.map(({ index, label }) => ({ start: starts[index] ?? "", label }));
}

/** A period's start as the page shows it: its day, its time, and how far into its day it is. */
type Period = { day: string; time: string; secondsIntoDay: number };

/** A tick by its period's place among the periods. */
type Placed = { index: number; label: string };

function readPeriod(start: Date, bucketSeconds: number, clock: Intl.DateTimeFormat, calendar: Intl.DateTimeFormat): Period {
  const parts = clock.formatToParts(start);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((each) => each.type === type)?.value ?? "00";
  return {
    day: calendar.format(start),
    time: bucketSeconds < 60 ? `${part("hour")}:${part("minute")}:${part("second")}` : `${part("hour")}:${part("minute")}`,
    secondsIntoDay: Number(part("hour")) * 3600 + Number(part("minute")) * 60 + Number(part("second")),
  };
}

/**
 * The periods that fall on a whole step: a step within a day counts from the
 * day's first period (local midnight, when the zone's offset is whole periods
 * from UTC), so that each day's ticks start again at its beginning; a longer
 * step counts periods from the first.
 */
function atStep(periods: readonly Period[], bucketSeconds: number, step: number): number[] {
  const every = step / bucketSeconds;
  return periods.flatMap((period, index) => ((step < DAY_SECONDS ? Math.floor(period.secondsIntoDay / bucketSeconds) : index) % every === 0 ? [index] : []));
}

/** The ticks' labels: the date where a reader needs it, the time of day otherwise. */
function labelled(periods: readonly Period[], indices: readonly number[], bucketSeconds: number, acrossDays: boolean): Placed[] {
  return indices.flatMap((index, i) => {
    const period = periods[index];
    if (!period) return [];
    if (bucketSeconds >= DAY_SECONDS) return [{ index, label: period.day }];
    const newDay = acrossDays || periods[indices[i - 1] ?? -1]?.day !== period.day;
    return [{ index, label: newDay ? `${period.day} ${period.time}` : period.time }];
  });
}

/** Whether each tick's label, centred on its period, keeps clear of the next one's. */
function fits(ticks: readonly Placed[], periodPx: number): boolean {
  return ticks.every((tick, i) => {
    const next = ticks[i + 1];
    return !next || (next.index - tick.index) * periodPx >= ((tick.label.length + next.label.length) / 2) * CHAR_PX + LEAST_GAP_PX;
  });
}
