"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { deleteChainItem, moveChainItem } from "@/lib/admin/actions/chains";
import { deactivateUser } from "@/lib/users/actions/deactivate-user";
import { reactivateUser } from "@/lib/users/actions/reactivate-user";

type Kind = "chain" | "node";

/** ↑ / ↓ beside a chain or node. */
export function MoveButtons({ kind, id, name, first, last }: { kind: Kind; id: string; name: string; first: boolean; last: boolean }) {
  const t = useTranslations("admin.chains");
  const router = useRouter();
  const [pending, start] = useTransition();
  const move = (direction: "up" | "down") =>
    start(async () => {
      const result = await moveChainItem({ kind, id, direction });
      if (!result.ok) toast.error(result.message);
      router.refresh();
    });
  const cls = "min-h-9 min-w-9 rounded-md border border-slate-300 bg-white text-sm hover:bg-slate-100 disabled:opacity-40";
  return (
    <span className="inline-flex gap-1">
      <button type="button" className={cls} disabled={pending || first} aria-label={t("up", { name })} onClick={() => move("up")}>↑</button>
      <button type="button" className={cls} disabled={pending || last} aria-label={t("down", { name })} onClick={() => move("down")}>↓</button>
    </span>
  );
}

export function DeleteChainItem({ kind, id, version, name }: { kind: Kind; id: string; version: number; name: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  return (
    <ConfirmDeleteButton
      remove={() => deleteChainItem({ kind, id, version })}
      redirectTo="/admin/chains"
      labels={{ open: t("chains.delete", { name }), title: t("chains.delete", { name }), body: t("chains.confirmDelete", { name }), cancel: tc("cancel"), confirm: tc("delete"), working: t("working"), done: t("deleted") }}
    />
  );
}

export function DeactivateUser({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("admin");
  const tc = useTranslations("common");
  return (
    <ConfirmDeleteButton
      remove={() => deactivateUser({ userId })}
      redirectTo="/admin/people"
      labels={{ open: t("people.deactivate"), title: t("people.deactivate"), body: t("people.confirmDeactivate", { name }), cancel: tc("cancel"), confirm: t("people.deactivate"), working: t("working"), done: t("saved") }}
    />
  );
}

/** Gives a deactivated person their access back, with the role and team they had. */
export function ReactivateUser({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const [pending, start] = useTransition();
  const reactivate = () =>
    start(async () => {
      const result = await reactivateUser({ userId });
      if (result.ok) toast.success(t("people.reactivated", { name }));
      else toast.error(result.message);
      router.refresh();
    });
  return (
    <Button variant="secondary" aria-label={t("people.reactivateLabel", { name })} disabled={pending} aria-busy={pending} onClick={reactivate}>
      {pending ? t("working") : t("people.reactivate")}
    </Button>
  );
}
