// Discord hands a button's custom_id back on every click, and caps it at 100 characters. Paper actions
// fit ("pb:2403.07816"); a "Show more" input with a long query does not, so it is parked here under a
// short key for as long as Discord lets anyone click an ephemeral reply (its token lives 15 minutes; we
// keep an hour). A click on a parked id after a restart gets a sentence asking to run the command again.
import { randomBytes } from "node:crypto";
import type { PaperAction } from "../../core/messages/reply.ts";
import { withoutDeliveryKey } from "./delivery-key.ts";

export const MAX_CUSTOM_ID = 100;
const PARKED_TTL_MS = 60 * 60_000;
const MAX_PARKED = 20_000;

const ACTION_CODES: Record<PaperAction, string> = { bookmark: "b", unbookmark: "u", markRead: "r", similar: "s", share: "h", discuss: "d", notInterested: "n" };
const CODE_ACTIONS = Object.fromEntries(Object.entries(ACTION_CODES).map(([a, c]) => [c, a])) as Record<string, PaperAction>;

export type DecodedComponent =
  | { kind: "paper"; action: PaperAction; paperId: string }
  /** A select menu of papers for one action: the paper ids arrive as the picked values. */
  | { kind: "paperMenu"; action: PaperAction }
  | { kind: "more"; command: string; input: Record<string, unknown> }
  | { kind: "expired" }
  | { kind: "unknown" };

export class ComponentIds {
  private readonly parked = new Map<string, { payload: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  paper(action: PaperAction, paperId: string): string { return this.fit(`p${ACTION_CODES[action]}`, paperId); }
  paperMenu(action: PaperAction): string { return `pm${ACTION_CODES[action]}`; }
  more(command: string, input: Record<string, unknown>): string { return this.fit("m", JSON.stringify([command, input])); }

  decode(keyed: string): DecodedComponent {
    const customId = withoutDeliveryKey(keyed); // a digest message's key rides on one of its buttons
    const sep = customId.search(/[:~]/);
    const kind = sep < 0 ? customId : customId.slice(0, sep);
    let payload = sep < 0 ? "" : customId.slice(sep + 1);
    if (customId[sep] === "~") {
      const entry = this.parked.get(payload);
      if (!entry || entry.expires < this.now()) return { kind: "expired" };
      payload = entry.payload;
    }
    if (kind.startsWith("pm") && CODE_ACTIONS[kind.slice(2)]) return { kind: "paperMenu", action: CODE_ACTIONS[kind.slice(2)]! };
    if (kind.startsWith("p") && CODE_ACTIONS[kind.slice(1)] && payload) return { kind: "paper", action: CODE_ACTIONS[kind.slice(1)]!, paperId: payload };
    if (kind === "m") {
      try {
        const [command, input] = JSON.parse(payload) as [unknown, unknown];
        if (typeof command === "string" && input && typeof input === "object") return { kind: "more", command, input: input as Record<string, unknown> };
      } catch { /* a custom id we did not write: fall through */ }
    }
    return { kind: "unknown" };
  }

  private fit(kind: string, payload: string): string {
    const inline = `${kind}:${payload}`;
    if (inline.length <= MAX_CUSTOM_ID) return inline;
    this.evict();
    const key = randomBytes(9).toString("base64url");
    this.parked.set(key, { payload, expires: this.now() + PARKED_TTL_MS });
    return `${kind}~${key}`;
  }

  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.parked) {
      if (entry.expires >= now && this.parked.size < MAX_PARKED) break;
      this.parked.delete(key); // Map order is insertion order: the oldest go first.
    }
  }
}
