// Platform event ids already handled (core/stores/processed-events.ts): the unique key lets one claim win.
import type { Platform } from "../../core/channel.ts";
import type { ProcessedEventStore } from "../../core/stores/processed-events.ts";
import { isUniqueViolation, type PrismaDb } from "./client.ts";

export class PrismaProcessedEventStore implements ProcessedEventStore {
  constructor(private readonly db: PrismaDb) {}

  async claim(platform: Platform, eventId: string): Promise<boolean> {
    try {
      await this.db.processedEvent.create({ data: { platform, eventId } });
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async release(platform: Platform, eventId: string): Promise<void> {
    await this.db.processedEvent.deleteMany({ where: { platform, eventId } });
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.processedEvent.deleteMany({ where: { receivedAt: { lt: before } } })).count;
  }
}
