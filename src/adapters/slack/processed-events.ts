// Slack redelivers an event it thinks we missed (X-Slack-Retry-Num), and two replicas may both receive
// one. The ProcessedEvent row is claimed before any work: the unique key lets exactly one delivery win.
import type { Services } from "../../app/services.ts";

/** true for the first delivery of this event id; false for every redelivery. */
export async function claimEvent(services: Services, eventId: string): Promise<boolean> {
  try {
    await services.db.processedEvent.create({ data: { platform: "slack", eventId } });
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return false;
    throw error;
  }
}

/** The work failed before anything reached the person: let Slack's retry try again. */
export async function releaseEvent(services: Services, eventId: string): Promise<void> {
  await services.db.processedEvent.deleteMany({ where: { platform: "slack", eventId } });
}
