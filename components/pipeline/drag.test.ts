import type { ClientRect, KeyboardCoordinateGetter } from "@dnd-kit/core";
import { describe, expect, it } from "vitest";
import { STAGES } from "@/db/enums";
import { stageByStage } from "./drag";

type Args = Parameters<KeyboardCoordinateGetter>[1];

/** Nine columns side by side, 120 px wide with 8 px between them, as the board lays them out. */
const rects = new Map(
  STAGES.map((stage, i): [string, ClientRect] => {
    const left = 16 + i * 128;
    return [stage, { left, top: 300, width: 120, height: 600, right: left + 120, bottom: 900 }];
  }),
);
const cardRect: ClientRect = { left: 20, top: 420, width: 110, height: 90, right: 130, bottom: 510 };

function press(code: string, over: string | null, from = "lead") {
  let prevented = false;
  const event = { code, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent;
  const context = {
    over: over ? { id: over } : null,
    active: { id: "card", data: { current: { name: "Card", stage: from } } },
    collisionRect: cardRect,
    droppableRects: rects,
  } as unknown as Args["context"];
  const to = stageByStage(event, { active: "card", currentCoordinates: { x: cardRect.left, y: cardRect.top }, context });
  return { to, prevented };
}

describe("carrying a card from the keyboard", () => {
  it("Right puts it in the middle of the next stage's column, at the height it is at", () => {
    expect(press("ArrowRight", "lead").to).toEqual({ x: 16 + 128 + 5, y: 420 });
  });

  it("goes on from the stage it is over, not the one it came from", () => {
    expect(press("ArrowRight", "signed").to).toEqual({ x: 16 + 5 * 128 + 5, y: 420 });
    expect(press("ArrowLeft", "signed").to).toEqual({ x: 16 + 3 * 128 + 5, y: 420 });
  });

  it("starts from the card's own stage while it is over none", () => {
    expect(press("ArrowRight", null, "intent").to).toEqual({ x: 16 + 4 * 128 + 5, y: 420 });
  });

  it("stops at either end of the pipeline", () => {
    expect(press("ArrowLeft", "lead").to).toBeUndefined();
    expect(press("ArrowRight", "production").to).toBeUndefined();
  });

  it("Up and Down neither move it nor scroll the page under it", () => {
    expect(press("ArrowDown", "lead")).toEqual({ to: undefined, prevented: true });
    expect(press("ArrowUp", "lead")).toEqual({ to: undefined, prevented: true });
  });
});
