// The last net under every listener: an unexpected failure is logged with a reference id (never a token,
// never the stack in chat) and the person gets one sentence they can quote.
import { randomBytes } from "node:crypto";
import { failureReply, type Reply } from "../../core/messages/reply.ts";
import type { Services } from "../../core/services.ts";

export async function safely(services: Services, what: Record<string, unknown>, work: () => Promise<void>, apologise?: (reply: Reply) => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const ref = randomBytes(4).toString("hex");
    services.log.error({ err: error, ref, ...what }, "slack handler failed");
    if (!apologise) return;
    await apologise(failureReply(error, ref))
      .catch((err: unknown) => services.log.warn({ err, ref }, "could not tell the person about the failure"));
  }
}
