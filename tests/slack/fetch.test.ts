// The WebClient's HTTP (src/adapters/slack/fetch.ts): the part of fetch it uses, over kept-alive sockets.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { keepAliveFetch, slackFetch } from "../../src/adapters/slack/fetch.ts";

let server: Server;
let base: string;
let connections = 0;
/** When set, a connection coming back for a second request is reset before it is read. */
let resetReused = false;
let resets = 0;
const served = new WeakSet<object>();
const bodies: { contentType: string | undefined; body: string }[] = [];

async function read(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    if (resetReused && served.has(req.socket)) { resets++; req.socket.resetAndDestroy(); return; }
    served.add(req.socket);
    const body = await read(req);
    bodies.push({ contentType: req.headers["content-type"], body });
    if (req.url === "/never") return; // holds the request open
    if (req.url === "/limited") { res.writeHead(429, { "Retry-After": "7", "Content-Type": "application/json" }); res.end('{"ok":false,"error":"ratelimited"}'); return; }
    res.writeHead(200, { "Content-Type": "application/json", "X-Seen": "a" });
    res.end(JSON.stringify({ ok: true, echo: body }));
  });
  server.on("connection", () => { connections++; });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => { server.closeAllConnections(); await new Promise((resolve) => server.close(resolve)); });

/** Puts a kept-alive socket in the pool, then has the server reset every reused one. */
async function warmThenReset(): Promise<void> {
  resetReused = false;
  await keepAliveFetch(`${base}/warm`, { method: "POST", body: "" });
  resetReused = true;
  resets = 0;
}

describe("keepAliveFetch", () => {
  it("posts a url-encoded body and reads status, headers and JSON, over one kept-alive socket", async () => {
    const before = connections;
    for (let i = 0; i < 5; i++) {
      const response = await keepAliveFetch(`${base}/api/chat.postMessage`, { method: "POST", body: `channel=C1&text=hi%20${i}`,
        headers: { "Content-Type": "application/x-www-form-urlencoded" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("x-seen")).toBe("a");
      expect(Object.fromEntries((response.headers as unknown as { entries(): Iterable<[string, string]> }).entries())["content-type"]).toBe("application/json");
      expect(await response.json()).toEqual({ ok: true, echo: `channel=C1&text=hi%20${i}` });
    }
    expect(connections - before).toBe(1);
  });

  it("hands a 429 and its Retry-After to the caller", async () => {
    const response = await keepAliveFetch(`${base}/limited`, { method: "POST", body: "" });
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("7");
    expect(await response.text()).toContain("ratelimited");
  });

  it("gives up when its signal times out, instead of waiting for a server that never answers", async () => {
    const started = Date.now();
    await expect(keepAliveFetch(`${base}/never`, { method: "POST", body: "x", signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("rejects a refused connection", async () => {
    await expect(keepAliveFetch("http://127.0.0.1:1/api/x", { method: "POST", body: "" })).rejects.toThrow();
  });

  it("leaves multipart bodies (file uploads) to the platform's fetch", async () => {
    const form = new FormData();
    form.append("filename", "bookmarks.bib");
    const response = await keepAliveFetch(`${base}/api/files.upload`, { method: "POST", body: form });
    expect(response.status).toBe(200);
    expect(bodies.at(-1)!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(bodies.at(-1)!.body).toContain("bookmarks.bib");
  });

  describe("a reused socket reset before any answer", () => {
    afterAll(() => { resetReused = false; });

    it("is retried once on a fresh socket for a request safe to repeat", async () => {
      await warmThenReset();
      const seen = bodies.length;
      const response = await keepAliveFetch(`${base}/api/conversations.history`, { method: "GET" });
      expect(response.status).toBe(200);
      expect(resets).toBe(1);
      expect(bodies.length - seen).toBe(1); // the reset request was never read: one request served
    });

    it("is not retried for a POST nobody said is safe to repeat: the caller decides", async () => {
      await warmThenReset();
      await expect(keepAliveFetch(`${base}/api/chat.postMessage`, { method: "POST", body: "channel=C1" })).rejects.toMatchObject({ code: "ECONNRESET" });
      // The pool was dropped with it: the next request opens a fresh socket and goes through.
      expect((await keepAliveFetch(`${base}/api/chat.postMessage`, { method: "POST", body: "channel=C1" })).status).toBe(200);
    });

    it("Slack's fetch repeats a response_url answer and idempotent Web API calls, never chat.postMessage", async () => {
      const fetchSlack = slackFetch(`${base}/api/`);
      for (const [path, repeated] of [["/respond/r1", true], ["/api/views.publish", true], ["/api/chat.postMessage", false]] as const) {
        await warmThenReset();
        const result = await fetchSlack(`${base}${path}`, { method: "POST", body: "{}" }).then((r) => r.status, (e: { code?: string }) => e.code);
        expect(result, path).toBe(repeated ? 200 : "ECONNRESET");
      }
    });
  });
});
