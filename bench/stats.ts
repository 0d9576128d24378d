// Percentiles as every bench reports them: the nearest-rank sample sorted[floor(q·n)] (the last one for q = 1).
export function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export interface Latency { p50Ms: number; p99Ms: number; maxMs: number }

/** Request latencies to 0.1 ms (the Slack and Discord benches). */
export function latency(samples: number[]): Latency {
  const r = (x: number) => Math.round(x * 10) / 10;
  return { p50Ms: r(quantile(samples, 0.5)), p99Ms: r(quantile(samples, 0.99)), maxMs: r(quantile(samples, 1)) };
}
