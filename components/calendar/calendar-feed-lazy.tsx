"use client";

import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";

const CalendarFeedPanel = dynamic(() => import("./calendar-feed-panel").then((m) => m.CalendarFeedPanel));

/**
 * The calendar feed panel, loaded when the menu around it (a <details>) first opens: every page
 * has the menu, few page views open it.
 */
export function CalendarFeedWhenOpen({ token }: { token: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const menu = ref.current?.closest("details");
    if (!menu) return setOpen(true);
    const toggled = () => menu.open && setOpen(true);
    toggled();
    menu.addEventListener("toggle", toggled);
    return () => menu.removeEventListener("toggle", toggled);
  }, []);
  return <div ref={ref}>{open ? <CalendarFeedPanel token={token} /> : null}</div>;
}
