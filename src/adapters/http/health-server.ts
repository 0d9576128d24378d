// GET /healthz over HTTP. In Slack's HTTP mode Bolt owns the public port, so the same handler is
// mounted there as a Bolt custom route (`healthRoute`); in Socket Mode and Discord-only deployments
// there is no HTTP server, so `papers start` runs this small one on PORT. Anything else is a 404; the
// handler never throws (a failed check is a 503 with a reason, not a crash).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { healthStatus, type HealthOptions } from "../../core/health.ts";
import type { Services } from "../../core/services.ts";

export const HEALTH_PATH = "/healthz";

type HealthServices = Pick<Services, "database" | "jobRuns" | "clock" | "log">;

/** Each endpoint remembers when the database stopped answering (`outage`), so a blip does not fail it. */
function defaults(services: HealthServices, options: Partial<HealthOptions>): HealthOptions {
  return { startedAt: services.clock(), digestRunning: true, outage: { since: null }, ...options };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" });
  res.end(JSON.stringify(body));
}

/** The /healthz handler: 200 with the status when healthy, 503 with it (and a reason) otherwise. */
export function healthHandler(services: HealthServices, options: Partial<HealthOptions> = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const resolved = defaults(services, options);
  return (_req, res) => {
    healthStatus(services, resolved)
      .then((status) => {
        if (!status.ok) services.log.warn({ reason: status.reason }, "health check failing");
        else if (status.database === "unreachable") services.log.warn({ reason: status.reason }, "health check: the database is unreachable");
        // Bugs the process survived (app/process-errors.ts): shown once there are any, without failing the check.
        const rejections = resolved.unhandledRejections?.() ?? 0;
        send(res, status.ok ? 200 : 503, rejections ? { ...status, unhandledRejections: rejections } : status);
      })
      .catch((err: unknown) => {
        services.log.error({ err }, "health check crashed");
        send(res, 503, { ok: false, reason: "The health check itself failed; the logs say why." });
      });
  };
}

/** For Bolt's `customRoutes` (HTTP mode): the same handler on Bolt's own server and port. HEAD as well,
 * as the small server answers it: a load balancer's or uptime monitor's HEAD probe got Bolt's 404. */
export function healthRoute(services: HealthServices, options: Partial<HealthOptions> = {}) {
  return { path: HEALTH_PATH, method: ["GET", "HEAD"], handler: healthHandler(services, options) };
}

/** Another GET endpoint served beside /healthz (GET /metrics). */
export interface HttpRoute { path: string; handler: (req: IncomingMessage, res: ServerResponse) => void }

export interface RunningHealthServer { name: "health"; port: number; stop(): Promise<void> }

/** A node:http server answering GET /healthz (and `routes`), on `port` (0 picks a free one, for tests). */
export async function startHealthServer(services: HealthServices, port: number, options: Partial<HealthOptions> = {}, routes: HttpRoute[] = []): Promise<RunningHealthServer> {
  const handlers = new Map([[HEALTH_PATH, healthHandler(services, options)], ...routes.map((r) => [r.path, r.handler] as const)]);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const handle = handlers.get(path);
    if (!handle) { send(res, 404, { ok: false, reason: `Only GET ${[...handlers.keys()].join(" and ")} are served here.` }); return; }
    if (req.method !== "GET" && req.method !== "HEAD") { res.setHeader("Allow", "GET, HEAD"); send(res, 405, { ok: false, reason: "Use GET." }); return; }
    handle(req, res);
  });
  // Health probes are short; an idle keep-alive socket must not hold shutdown open.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => { server.off("error", reject); resolve(); });
  });
  const bound = (server.address() as AddressInfo).port;
  services.log.info({ port: bound, path: HEALTH_PATH }, "health endpoint listening");
  return {
    name: "health", port: bound,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    }),
  };
}
