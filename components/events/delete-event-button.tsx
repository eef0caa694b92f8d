"use client";

import { useTranslations } from "next-intl";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteEvent } from "@/lib/events/actions/delete-event";

/** Deleting is soft and confirmed first; the event leaves the list; its participants and projects stay. */
export function DeleteEventButton({ id, version, name }: { id: string; version: number; name: string }) {
  const t = useTranslations("events.delete");
  return (
    <ConfirmDeleteButton
      labels={{ title: t("title", { name }), body: t("body"), confirm: t("confirm"), done: t("done", { name }) }}
      remove={() => deleteEvent({ id, version })}
      redirectTo="/events"
    />
  );
}
