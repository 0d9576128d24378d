// A stand-in for the Hugging Face papers API on 127.0.0.1, serving the hand-written fixtures in
// tests/fixtures/hf. Each test picks a behaviour by the first path segment of its base URL
// (http://127.0.0.1:PORT/<scenario>/api), so tests sharing one server never disturb each other.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { join } from "node:path";

export type Scenario =
  | "ok"              // fixtures as they are
  | "ratelimit"       // each URL's first request: 429 with Retry-After: 1
  | "ratelimit-ietf"  // each URL's first request: 429 with only the IETF RateLimit fields (t=1)
  | "ratelimit-long"  // always 429 with Retry-After: 3600
  | "flaky"           // each URL's first request: 500
  | "broken-page2"    // the second page (p=1) is always a 500
  | "truncated"       // the body is half a JSON document (Content-Length matches what is sent)
  | "cutoff"          // the connection closes mid-body (Content-Length promises more)
  | "html"            // a 200 with an HTML page (a proxy's or a captive portal's), not the API
  | "endless"         // a 200 whose JSON body never ends (chunked, as fast as it is read), until the client hangs up
  | "slow"            // never answers
  | "stale-sockets";  // a connection coming back for another request is reset before it is read

export interface RecordedRequest { scenario: string; path: string; query: Record<string, string>; at: number }

export interface HfEmulator {
  /** The HF_API_URL for a scenario. */
  url(scenario: Scenario): string;
  requests: RecordedRequest[];
  requestsFor(scenario: Scenario): RecordedRequest[];
  /** Bytes the endless scenario has written so far. */
  endlessBytes(): number;
  /** Connections reset by the stale-sockets scenario. */
  resets(): number;
  /** Forget what was served, so each URL's "first request" misbehaves again. */
  reset(): void;
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL("../../fixtures/hf/", import.meta.url));

function loadFixtures(): { days: Map<string, unknown[]>; papers: Record<string, unknown> } {
  const days = new Map<string, unknown[]>();
  for (const file of readdirSync(FIXTURES)) {
    const day = /^daily-(\d{4}-\d{2}-\d{2})\.json$/.exec(file)?.[1];
    if (day) days.set(day, JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as unknown[]);
  }
  const papers = JSON.parse(readFileSync(join(FIXTURES, "papers.json"), "utf8")) as Record<string, unknown>;
  return { days, papers };
}

export async function startHfEmulator(): Promise<HfEmulator> {
  const { days, papers } = loadFixtures();
  const requests: RecordedRequest[] = [];
  const seen = new Set<string>();
  const hanging = new Set<ServerResponse>();
  const usedSockets = new WeakSet<object>();
  let resets = 0;
  let endlessBytes = 0;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, scenario = "", api, ...rest] = url.pathname.split("/");
    const path = "/" + rest.join("/");
    const query = Object.fromEntries(url.searchParams);
    if (scenario === "stale-sockets" && usedSockets.has(req.socket)) { resets++; req.socket.resetAndDestroy(); return; }
    usedSockets.add(req.socket);
    requests.push({ scenario, path, query, at: Date.now() });
    if (api !== "api" || req.method !== "GET") return json(res, 404, { error: "Not Found" });
    const firstTime = !seen.has(scenario + url.search + path);
    seen.add(scenario + url.search + path);

    if (scenario === "slow") { hanging.add(res); return; }
    if (scenario === "ratelimit" && firstTime) return json(res, 429, { error: "Too Many Requests" }, { "retry-after": "1" });
    if (scenario === "ratelimit-ietf" && firstTime) {
      return json(res, 429, { error: "Too Many Requests" }, { ratelimit: '"default";r=0;t=1', "ratelimit-policy": '"default";q=100;w=60' });
    }
    if (scenario === "ratelimit-long") return json(res, 429, { error: "Too Many Requests" }, { "retry-after": "3600" });
    if (scenario === "flaky" && firstTime) return json(res, 500, { error: "Internal Server Error" });
    if (scenario === "broken-page2" && query.p === "1") return json(res, 500, { error: "Internal Server Error" });

    let body: unknown;
    if (path === "/daily_papers") {
      const entries = days.get(query.date ?? "") ?? [];
      const limit = Number(query.limit ?? 50), page = Number(query.p ?? 0);
      body = entries.slice(page * limit, (page + 1) * limit);
    } else if (path.startsWith("/papers/")) {
      body = papers[decodeURIComponent(path.slice("/papers/".length))];
      if (body === undefined) return json(res, 404, { error: "Paper not found" });
    } else {
      return json(res, 404, { error: "Not Found" });
    }

    const text = JSON.stringify(body);
    if (scenario === "endless") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = `${text.slice(1, -1)},`.repeat(Math.ceil(65_536 / text.length));
      res.write("[");
      hanging.add(res);
      const more = () => { while (!res.destroyed && (endlessBytes += chunk.length, res.write(chunk))); };
      res.on("drain", more);
      return more();
    }
    if (scenario === "truncated") {
      const half = text.slice(0, Math.floor(text.length / 2));
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(half) });
      return res.end(half);
    }
    if (scenario === "html") {
      const page = "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in to continue.</body></html>";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(page) });
      return res.end(page);
    }
    if (scenario === "cutoff") {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      return setTimeout(() => res.socket?.destroy(), 20);
    }
    json(res, 200, body);
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (scenario) => `http://127.0.0.1:${port}/${scenario}/api`,
    requests,
    requestsFor: (scenario) => requests.filter((r) => r.scenario === scenario),
    resets: () => resets,
    endlessBytes: () => endlessBytes,
    reset() { seen.clear(); requests.length = 0; },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A loopback port with nothing listening: what "the network is down" looks like without a network. */
export async function closedPortUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}/api`;
}
