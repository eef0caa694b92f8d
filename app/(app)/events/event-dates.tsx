import { getFormatter } from "next-intl/server";
import { shanghaiInstant, TIME_ZONE } from "@/lib/time";

// A date column is a calendar day: formatted at noon in the bureau's zone so no zone can move it a day.
const day = (d: string) => shanghaiInstant(d, "12:00");

export async function EventDates({ startsOn, endsOn }: { startsOn: string; endsOn: string }) {
  const format = await getFormatter();
  const opts = { dateStyle: "medium", timeZone: TIME_ZONE } as const;
  if (startsOn === endsOn) return <>{format.dateTime(day(startsOn), opts)}</>;
  return <>{format.dateTimeRange(day(startsOn), day(endsOn), opts)}</>;
}
