import type { Stores } from "../core/stores/index.ts";

export type Provider = "sqlite" | "postgresql";

export interface OpenedStores {
  stores: Stores;
  provider: Provider;
  /** The migrations this open applied (empty when the database was up to date). */
  applied: string[];
  /** Closes the client (a PostgreSQL pool would otherwise keep the process alive). */
  close(): Promise<void>;
}
