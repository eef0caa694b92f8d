"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { primaryName } from "@/lib/i18n/display";
import dynamic from "next/dynamic";
import { Modal } from "@/components/ui/modal";

// The search and the side-by-side preview (and the query library they use) load when the dialog
// first opens, not with every enterprise page.
const CandidateSearch = dynamic(() => import("./candidate-search").then((m) => m.CandidateSearch));
const MergePreviewPanel = dynamic(() => import("./merge-preview").then((m) => m.MergePreviewPanel));

/** "Merge into…": choose the record that stays, see both side by side, then confirm. */
type Names = { nameZh: string | null; nameEn: string | null };

export function MergeEnterpriseButton({ id, version, names }: { id: string; version: number; names: Names }) {
  const t = useTranslations("merge");
  const tc = useTranslations("common");
  const name = primaryName(names, useLocale()).first;
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [survivorId, setSurvivorId] = useState<string | null>(null);

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          setSurvivorId(null);
          setOpen(true);
        }}
      >
        {t("open")}
      </Button>
      <Modal open={open} onClose={() => setOpen(false)} title={t("title")} busy={busy} wide>
        {!open ? null : survivorId ? (
          <MergePreviewPanel survivorId={survivorId} mergedId={id} mergedVersion={version} onBack={() => setSurvivorId(null)} onBusy={setBusy} />
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-slate-700">{t("intro", { name })}</p>
            <CandidateSearch mergedId={id} onChoose={setSurvivorId} />
            <div className="flex justify-end">
              <Button variant="secondary" onClick={() => setOpen(false)}>
                {tc("cancel")}
              </Button>
            </div>
          </div>
        )}
      </Modal>
    </>
  );
}
