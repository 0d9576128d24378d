// The last success and failure of each periodic job (the digest tick, the papers refresh), for /healthz.

export const DIGEST_JOB = "digest";
export const REFRESH_JOB = "refresh";

export interface JobRun { name: string; lastSuccessAt: Date | null; lastFailureAt: Date | null; lastError: string | null }

export interface JobRunStore {
  /** A success (`error` null) or a failure at `at`. Processes recording the same job at once both land. */
  record(name: string, at: Date, error: string | null): Promise<void>;
  read(names: string[]): Promise<JobRun[]>;
}
