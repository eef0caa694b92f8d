import {
  type CollisionDetection,
  KeyboardCode,
  type KeyboardCoordinateGetter,
  MouseSensor,
  pointerWithin,
  rectIntersection,
  TouchSensor,
} from "@dnd-kit/core";
import type { MouseEvent, TouchEvent } from "react";
import { type Stage, STAGES } from "@/db/enums";
import styles from "./card.module.css";

/** What a card carries while it is dragged: enough to name it in announcements. */
export interface DragData {
  name: string;
  stage: Stage;
}

/** The handle a keyboard picks a card up by; a finger on it drags at once, without holding. */
export const HANDLE = `.${styles.handle}`;

// A press on the card's "Move to" menu opens the menu; it never starts a drag.
const startsOnControl = (target: EventTarget | null) => target instanceof Element && target.closest("select, input, textarea") !== null;

/** The mouse drags a card from anywhere on it but its menu, once it has moved a few pixels (a click still opens the link). */
export class CardMouseSensor extends MouseSensor {
  static activators = [
    {
      eventName: "onMouseDown" as const,
      handler: ({ nativeEvent }: MouseEvent) => nativeEvent.button === 0 && !startsOnControl(nativeEvent.target),
    },
  ];
}

/**
 * A finger drags a card after pressing and holding it (a swipe still scrolls the board and the
 * page), or at once from its handle.
 */
export class CardTouchSensor extends TouchSensor {
  static activators = [
    {
      eventName: "onTouchStart" as const,
      handler: ({ nativeEvent }: TouchEvent) => nativeEvent.touches.length === 1 && !startsOnControl(nativeEvent.target),
    },
  ];
}

export const onHandle = ({ event }: { event: Event }) => event.target instanceof Element && event.target.closest(HANDLE) !== null;

/**
 * A pointer drops on the column under it; a card carried by the keyboard has no pointer and drops
 * on the column it overlaps most.
 */
export const columnUnderCard: CollisionDetection = (args) => (args.pointerCoordinates ? pointerWithin(args) : rectIntersection(args));

/**
 * Left and Right carry a card picked up from the keyboard one stage along: into the middle of the
 * next column, at the height it is at. Up and Down do nothing (the page does not scroll under it).
 */
export const stageByStage: KeyboardCoordinateGetter = (event, { context: { over, collisionRect, droppableRects, active } }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
  if (!step || !collisionRect) return undefined;
  event.preventDefault();
  const from = (over?.id as Stage | undefined) ?? (active?.data.current as DragData | undefined)?.stage;
  const to = from ? STAGES[STAGES.indexOf(from) + step] : undefined;
  const rect = to ? droppableRects.get(to) : undefined;
  if (!rect) return undefined;
  return { x: rect.left + (rect.width - collisionRect.width) / 2, y: collisionRect.top };
};
