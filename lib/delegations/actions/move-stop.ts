"use server";

import { revalidatePath } from "next/cache";
import { WRITE_ROLE } from "@/lib/access";
import { action } from "@/lib/action";
import { liveStops, lockStop, renumberStops } from "../records";
import { moveStopInput } from "../schema";

/** Moves a stop one place up or down; positions are renumbered 1..n in the same transaction. */
export const moveItineraryStop = action({
  name: "delegation.stop.move",
  input: moveStopInput,
  minRole: WRITE_ROLE,
  load: ({ viewer, input, tx }) => lockStop(tx, viewer, input.id),
  async run({ input, tx, record: { stop } }) {
    const order = await liveStops(tx, stop.delegationId);
    const from = order.findIndex((s) => s.id === stop.id);
    const to = input.direction === "up" ? from - 1 : from + 1;
    const before = order.map((s) => s.id);
    // At either end the move is a no-op, not an error: the button is simply disabled there.
    if (to >= 0 && to < order.length) [order[from], order[to]] = [order[to]!, order[from]!];
    await renumberStops(tx, order);
    return {
      data: { delegationId: stop.delegationId },
      audit: [{ entityType: "itinerary_stop", entityId: stop.id, before: { order: before }, after: { order: order.map((s) => s.id) } }],
    };
  },
  after({ delegationId }) {
    revalidatePath(`/delegations/${delegationId}`);
  },
});
