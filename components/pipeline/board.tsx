"use client";

import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  KeyboardSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "@/components/ui/toast";
import { type Stage, STAGES } from "@/db/enums";
import type { ActionResult } from "@/lib/action-core";
import { moveProjectStage } from "@/lib/projects/actions/move-stage";
import { noteSavedVersion } from "@/lib/projects/saved-versions";
import { setProjectStatus } from "@/lib/projects/actions/set-status";
import type { PipelineCard as Card } from "@/lib/projects/board-queries";
import type { PipelineFilters } from "@/lib/projects/filters";
import type { ProjectState } from "@/lib/projects/records";
import { displayUnit } from "@/lib/money";
import { isBackward, needsSigning, needsVerification } from "@/lib/projects/stages";
import { CardInFlight } from "./card";
import { BoardColumn } from "./column";
import { CardMouseSensor, CardTouchSensor, columnUnderCard, type DragData, HANDLE, onHandle, stageByStage } from "./drag";
import type { MoveRequest, MoveValues } from "./move-dialog";
import { applyMove, applyTruth } from "./optimistic";
import { pipelineKey, pipelineQuery } from "./query";
import { useFocusCard } from "./show-more";
import { StagePicker } from "./stage-picker";
import { useShowMore } from "./use-show-more";

// The dialog for moves that ask for something (a reason, evidence, the signing) loads with the
// first such move; once there it stays mounted, so closing it returns focus to the card.
const MoveDialog = dynamic(() => import("./move-dialog").then((m) => m.MoveDialog));

interface MoveVars extends MoveValues {
  card: Card;
  toStage: Stage;
  asRequest: boolean;
}

/** A refusal from the server, kept whole so the board can show its message and the true state. */
class Refused extends Error {
  constructor(readonly result: Extract<ActionResult<unknown>, { ok: false }>) {
    super(result.message);
  }
}

function refusalText(result: Extract<ActionResult<unknown>, { ok: false }>) {
  const fieldText = Object.values(result.fieldErrors ?? {}).flat();
  return fieldText.length ? fieldText.join(" ") : result.message;
}

const noSubscription = () => () => {};

/** The card that holds focus (its handle, link or menu), if any. */
const focusedCard = () => document.activeElement?.closest("[data-project-id]")?.getAttribute("data-project-id") ?? null;

/**
 * The board's client island. Its data lives in the query cache (filled from the server's render,
 * app/(app)/pipeline/page.tsx): a move changes the cache at once, the action's answer is laid
 * over it, and a refetch of the board's own data brings the server's counts and totals; the page
 * itself is not rendered again.
 */
export function PipelineBoard({ filters }: { filters: PipelineFilters }) {
  const t = useTranslations("pipeline");
  const stageName = useTranslations("projects.stages");
  const queryClient = useQueryClient();
  const options = pipelineQuery(filters);
  const { data } = useQuery(options);
  const locale = useLocale();
  const unitName = useTranslations("common.moneyUnits");
  const [announcement, setAnnouncement] = useState("");
  const [dragged, setDragged] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // The card whose handle gets focus once it is drawn in the stage it was moved to (or back where
  // it was after a refusal): a move made from the card, by keyboard or its menu, keeps the
  // person's place on the board.
  const refocus = useRef<{ id: string; stage: Stage } | null>(null);
  // The drag context's id names the handles' instructions; from useId, so the server's and the browser's agree.
  const dndId = `drag-help${useId()}`;
  // Whether the card being dragged has left its own column yet: until then, being over it is not news.
  const leftHome = useRef(false);
  const sensors = useSensors(
    useSensor(CardMouseSensor, { activationConstraint: { distance: 6 } }),
    useSensor(CardTouchSensor, { activationConstraint: { delay: 250, tolerance: 8 }, bypassActivationConstraint: onHandle }),
    useSensor(KeyboardSensor, { coordinateGetter: stageByStage }),
  );
  const [asking, setAskingState] = useState<{ request: MoveRequest; card: Card; to: Stage | "lost" } | null>(null);
  const [dialogLoaded, setDialogLoaded] = useState(false);
  const setAsking = (next: typeof asking) => {
    if (next) setDialogLoaded(true);
    setAskingState(next);
  };

  const say = (text: string) => setAnnouncement(text);
  const focusCard = useFocusCard();
  const more = useShowMore(filters, {
    onLoaded: (page) => {
      say(t("loadedMore", { count: page.cards.length, stage: stageName(page.stage) }));
      if (!page.next && page.cards[0]) focusCard(page.cards[0].id);
    },
    onFailed: (stage) => {
      const text = t("loadMoreFailed", { stage: stageName(stage) });
      toast.error(text);
      say(text);
    },
  });
  // Cards can only be moved once the board is interactive; tests and assistive tools can wait for this.
  const ready = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  const move = useMutation({
    mutationFn: async (vars: MoveVars) => {
      const form = new FormData();
      form.set("id", vars.card.id);
      form.set("version", String(vars.card.version));
      form.set("toStage", vars.toStage);
      if (vars.reason) form.set("reason", vars.reason);
      if (vars.evidence) form.set("evidence", vars.evidence);
      if (vars.signedOn) form.set("signedOn", vars.signedOn);
      if (vars.signedAmount) form.set("signedAmount", vars.signedAmount);
      if (vars.signedUnit) form.set("signedUnit", vars.signedUnit);
      const result = await moveProjectStage(form);
      if (!result.ok) throw new Refused(result);
      return result.data;
    },
    onMutate: async (vars) => {
      await queryClient.cancelQueries({ queryKey: pipelineKey });
      const previous = queryClient.getQueryData(options.queryKey);
      queryClient.setQueryData(options.queryKey, (d) => d && applyMove(d, vars.card.id, vars.toStage, vars.asRequest));
      return { previous };
    },
    onError: (error, vars, context) => {
      const hadFocus = refocus.current?.id === vars.card.id || focusedCard() === vars.card.id;
      if (context?.previous) queryClient.setQueryData(options.queryKey, context.previous);
      const result = error instanceof Refused ? error.result : null;
      const truth = (result?.details as { current?: ProjectState } | undefined)?.current;
      // Focus follows the card back to where it is after all.
      if (hadFocus) refocus.current = { id: vars.card.id, stage: truth?.stage ?? vars.card.stage };
      if (truth) queryClient.setQueryData(options.queryKey, (d) => d && applyTruth(d, truth));
      const text = result
        ? truth
          ? t("conflict", { name: vars.card.name, stage: stageName(truth.stage) })
          : t("refused", { name: vars.card.name, reason: refusalText(result) })
        : t("failed", { name: vars.card.name });
      toast.error(text);
      say(text);
    },
    onSuccess: (saved, vars) => {
      noteSavedVersion(saved.id, saved.version);
      // The saved truth of the card; the counts and totals follow with the refetch in onSettled.
      queryClient.setQueryData(options.queryKey, (d) =>
        d && { ...d, cards: d.cards.map((c) => (c.id === saved.id ? { ...c, stage: saved.stage, status: saved.status, version: saved.version, pendingTo: saved.pendingTo } : c)) },
      );
      const text = saved.pendingTo
        ? t("requested", { name: vars.card.name, stage: stageName(vars.toStage) })
        : t("moved", { name: vars.card.name, stage: stageName(vars.toStage) });
      toast.success(text);
      say(text);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: pipelineKey }),
  });

  const markLost = useMutation({
    mutationFn: async (vars: { card: Card; reason: string }) => {
      const result = await setProjectStatus({ id: vars.card.id, version: vars.card.version, status: "lost", reason: vars.reason });
      if (!result.ok) throw new Refused(result);
      return result.data;
    },
    onSuccess: (saved, vars) => {
      noteSavedVersion(saved.id, saved.version);
      const text = t("markedLost", { name: vars.card.name });
      toast.success(text);
      say(text);
    },
    onError: (error, vars) => {
      const text = error instanceof Refused ? t("refused", { name: vars.card.name, reason: refusalText(error.result) }) : t("failed", { name: vars.card.name });
      toast.error(text);
      say(text);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: pipelineKey }),
  });

  /** Where every move starts, by mouse or keyboard: ask first when the move needs a reason, evidence or the signing. */
  function requestMove(card: Card, to: Stage | "lost") {
    if (!card.canMove || to === card.stage) return;
    if (to === "lost") {
      setAsking({ card, to, request: { kind: "lost", projectName: card.name, targetLabel: t("lost") } });
      return;
    }
    if (card.pendingTo && needsVerification(card.stage, to) && !card.canVerify) {
      const text = t("alreadyPending", { name: card.name });
      toast.error(text);
      say(text);
      return;
    }
    const target = { projectName: card.name, targetLabel: stageName(to) };
    const verify = needsVerification(card.stage, to);
    const signing = needsSigning(card.stage, to, card.signed) ? { currency: card.currency } : undefined;
    if (isBackward(card.stage, to)) {
      setAsking({ card, to, request: { kind: "backward", ...target } });
    } else if (verify && card.canVerify) {
      setAsking({ card, to, request: { kind: "verify", ...target, signing } });
    } else if (signing) {
      setAsking({ card, to, request: { kind: "sign", ...target, signing, asRequest: verify } });
    } else {
      // A requested move leaves the card where it is, marked as waiting.
      if (focusedCard() === card.id) refocus.current = { id: card.id, stage: verify ? card.stage : to };
      move.mutate({ card, toStage: to, asRequest: verify });
    }
  }

  useEffect(() => {
    const target = refocus.current;
    if (!target) return;
    const handle = document.querySelector<HTMLElement>(`[data-stage="${target.stage}"] [data-project-id="${CSS.escape(target.id)}"] ${HANDLE}`);
    if (handle) {
      refocus.current = null;
      if (document.activeElement !== handle) handle.focus();
    }
  });

  const stageOf = (active: { data: { current?: unknown } }) => (active.data.current as DragData).stage;
  const nameOf = (active: { data: { current?: unknown } }) => (active.data.current as DragData).name;
  const announcements: Announcements = {
    onDragStart: ({ active }) => {
      leftHome.current = false;
      return t("drag.start", { name: nameOf(active), stage: stageName(stageOf(active)) });
    },
    onDragOver: ({ active, over }) => {
      if (over?.id === stageOf(active) && !leftHome.current) return undefined;
      leftHome.current = true;
      if (!over) return t("drag.overNone", { name: nameOf(active) });
      const stage = over.id as Stage;
      return t(stage === stageOf(active) ? "drag.overSame" : "drag.over", { name: nameOf(active), stage: stageName(stage) });
    },
    // A drop on another stage is announced by the move itself (moved, requested, or its dialog).
    onDragEnd: ({ active, over }) => (over && over.id !== stageOf(active) ? undefined : t("drag.stays", { name: nameOf(active), stage: stageName(stageOf(active)) })),
    onDragCancel: ({ active }) => t("drag.cancel", { name: nameOf(active), stage: stageName(stageOf(active)) }),
  };

  function onDragEnd({ active, over }: DragEndEvent) {
    setDragged(null);
    const card = data?.cards.find((c) => c.id === active.id);
    if (card && over && over.id !== card.stage) requestMove(card, over.id as Stage);
  }

  function confirm(values: MoveValues) {
    if (!asking) return;
    const { card, to, request } = asking;
    setAsking(null);
    // The dialog gives focus back to what opened it, on the card, before the card moves.
    if (to !== "lost") refocus.current = { id: card.id, stage: request.asRequest ? card.stage : to };
    if (to === "lost") markLost.mutate({ card, reason: values.reason ?? "" });
    else move.mutate({ card, toStage: to, asRequest: request.asRequest ?? false, ...values });
  }

  if (!data) return null;
  const columns = STAGES.map((stage) => data.columns.find((c) => c.stage === stage) ?? { stage, count: 0, totalCny: "0.00", planned: {} });
  // One unit for every column's total, chosen from the largest and named once (lib/money.ts).
  const unit = displayUnit(
    columns.map((c) => c.totalCny),
    locale,
  );
  const inFlight = dragged ? data.cards.find((c) => c.id === dragged) : undefined;
  return (
    <>
      <div className="space-y-2">
        <StagePicker board={scroller} counts={Object.fromEntries(columns.map((c) => [c.stage, c.count])) as Record<Stage, number>} />
        <p className="text-xs text-slate-600">{t("totalsLegend", { unit: unitName(unit) })}</p>
      </div>
      <DndContext
        id={dndId}
        sensors={sensors}
        collisionDetection={columnUnderCard}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("drag.instructions") } }}
        onDragStart={({ active }) => setDragged(String(active.id))}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragged(null)}
      >
        {/* The board scrolls sideways on its own when its columns do not fit; the page never does. "relative" keeps the
            columns' visually hidden labels inside it. */}
        <div ref={scroller} className="relative -mx-4 snap-x snap-mandatory scroll-px-4 overflow-x-auto overscroll-x-contain px-4 pt-2 pb-4 xl:snap-none" data-board-ready={ready}>
          <ol className="flex gap-2 xl:grid xl:grid-cols-[repeat(9,minmax(0,1fr))]" aria-label={t("boardLabel")}>
            {columns.map((column) => (
              <BoardColumn
                key={column.stage}
                column={column}
                cards={data.cards.filter((c) => c.stage === column.stage)}
                unit={unit}
                hasMore={data.next[column.stage] !== null}
                loadingMore={more.loading.has(column.stage)}
                onShowMore={() => void more.showMore(column.stage)}
                onMove={requestMove}
              />
            ))}
          </ol>
        </div>
        <DragOverlay dropAnimation={null}>{inFlight ? <CardInFlight card={inFlight} /> : null}</DragOverlay>
      </DndContext>
      <p aria-live="polite" role="status" className="sr-only">
        {announcement}
      </p>
      {dialogLoaded ? <MoveDialog request={asking?.request ?? null} onCancel={() => setAsking(null)} onConfirm={confirm} /> : null}
    </>
  );
}
