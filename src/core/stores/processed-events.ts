// Platform event ids already handled. A platform redelivers an event it thinks we missed (Slack's
// X-Slack-Retry-Num), and two replicas may both receive one: the first claim wins, every other loses.
import type { Platform } from "../channel.ts";

export interface ProcessedEventStore {
  /** true for the first claim of this event id; false for every redelivery. */
  claim(platform: Platform, eventId: string): Promise<boolean>;
  /** The work failed before anything reached the person: let the platform's retry try again. */
  release(platform: Platform, eventId: string): Promise<void>;
  /** Forgets the events received before `before` (no redelivery comes that late); how many. */
  prune(before: Date): Promise<number>;
}
