import { getFormatter } from "next-intl/server";

// A date column is a calendar day: formatted at noon in Shanghai so no zone can move it a day.
const day = (d: string) => new Date(`${d}T12:00:00+08:00`);

export async function EventDates({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const format = await getFormatter();
  const opts = { dateStyle: "medium", timeZone: "Asia/Shanghai" } as const;
  if (startsOn === endsOn) return <>{format.dateTime(day(startsOn), opts)}</>;
  return <>{format.dateTimeRange(day(startsOn), day(endsOn), opts)}</>;
}
