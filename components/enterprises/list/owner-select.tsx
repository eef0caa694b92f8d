"use client";

import { useEffect, useRef, useState } from "react";

interface Person {
  id: string;
  name: string;
}

/** One request per tab, shared by every select that asks; forgotten after a failure, so the next opening retries. */
let people: Promise<Person[]> | null = null;
function fetchPeople(): Promise<Person[]> {
  people ??= fetch("/api/people").then((response) => {
    if (!response.ok) throw new Error(`people: ${response.status}`);
    return response.json() as Promise<Person[]>;
  });
  people.catch(() => (people = null));
  return people;
}

/**
 * The owner filter. The page sends "any", "me" and the person already chosen; everyone else is
 * fetched when the filter panel first opens (or the select is reached), once per tab, instead of
 * hundreds of options with every page.
 */
export function OwnerSelect({ selected, anyLabel, meLabel, className }: { selected: { id: string; name: string } | null; anyLabel: string; meLabel: string; className: string }) {
  const select = useRef<HTMLSelectElement>(null);
  const [wanted, setWanted] = useState(false);
  const [value, setValue] = useState(selected?.id ?? "");
  useEffect(() => {
    const panel = select.current?.closest("details");
    if (!panel || panel.open) return setWanted(true);
    const opened = () => panel.open && setWanted(true);
    panel.addEventListener("toggle", opened);
    return () => panel.removeEventListener("toggle", opened);
  }, []);
  const [loaded, setLoaded] = useState<Person[] | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    fetchPeople().then((list) => current && setLoaded(list), () => undefined);
    return () => {
      current = false;
    };
  }, [wanted]);
  const options = loaded ?? (selected ? [selected] : []);

  return (
    <select
      ref={select}
      name="owner"
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onFocus={() => setWanted(true)}
      aria-busy={wanted && !loaded}
      className={className}
    >
      <option value="">{anyLabel}</option>
      <option value="me">{meLabel}</option>
      {options.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
