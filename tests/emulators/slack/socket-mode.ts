// Slack's Socket Mode side on loopback: apps.connections.open (on the Web API emulator, with the app-level
// token) hands out ws://…/socket; a connection gets `hello`, then whatever envelopes a test sends, and
// the envelope acknowledgements the bot sends back are recorded. Raw frames (a `null`, half an envelope)
// go out as they are, to see the bot survive what a broken or hostile peer sends.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";

export interface Ack { envelopeId: string; payload: unknown; at: number }

export class SocketModeServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly waiters: (() => void)[] = [];
  private pings: NodeJS.Timeout | null = null;
  readonly acks = new Map<string, Ack>();
  /** Frames the bot sent that are not acknowledgements (or not JSON). */
  readonly strayFrames: string[] = [];
  connections = 0;

  constructor(private readonly appId = "A0PAPERS") {}

  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith("/socket")) { socket.destroy(); return; }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
    // Slack pings every few seconds; the client reconnects when it hears nothing for 30 s.
    this.pings = setInterval(() => { for (const s of this.sockets) s.ping(); }, 5_000);
    this.pings.unref();
  }

  private accept(socket: WebSocket): void {
    this.sockets.add(socket);
    this.connections++;
    socket.on("message", (raw) => {
      const text = String(raw);
      const frame = parseFrame(text);
      if (frame && typeof frame.envelope_id === "string") this.acks.set(frame.envelope_id, { envelopeId: frame.envelope_id, payload: frame.payload, at: Date.now() });
      else this.strayFrames.push(text);
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on("close", () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ type: "hello", num_connections: this.sockets.size, debug_info: { host: "emulator", approximate_connection_time: 18060 },
      connection_info: { app_id: this.appId } }));
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once the bot has connected (now or later). */
  async connected(timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.sockets.size > 0, timeoutMs, "no Socket Mode connection");
  }

  /** Sends a frame exactly as given (a string goes as is; anything else as JSON, `null` included). */
  sendRaw(frame: unknown): void {
    const text = typeof frame === "string" ? frame : JSON.stringify(frame);
    if (this.sockets.size === 0) throw new Error("No Socket Mode connection to send to.");
    for (const socket of this.sockets) socket.send(text);
  }

  /** An envelope of `type` around `payload`; its envelope_id, to await its ack. */
  envelope(type: string, payload: unknown, extra: Record<string, unknown> = {}): string {
    const envelopeId = randomUUID();
    this.sendRaw({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== "events_api", ...extra });
    return envelopeId;
  }

  /** The bot's acknowledgement of that envelope. */
  async ack(envelopeId: string, timeoutMs = 5_000): Promise<Ack> {
    await this.until(() => this.acks.has(envelopeId), timeoutMs, `no ack for envelope ${envelopeId}`);
    return this.acks.get(envelopeId)!;
  }

  private async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SocketModeServer: ${what} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => { const t = setTimeout(resolve, Math.min(left, 200)); this.waiters.push(() => { clearTimeout(t); resolve(); }); });
    }
  }

  /** Closes every open connection, as Slack does to an app whose token it revoked. */
  async dropConnections(): Promise<void> {
    const closing = [...this.sockets].map((socket) => new Promise<void>((resolve) => { socket.once("close", () => resolve()); socket.close(1000); }));
    await Promise.all(closing);
  }

  async close(): Promise<void> {
    if (this.pings) clearInterval(this.pings);
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function parseFrame(text: string): { envelope_id?: unknown; payload?: unknown } | null {
  try { return JSON.parse(text) as { envelope_id?: unknown; payload?: unknown } | null; } catch { return null; }
}

/** A /papers slash command as Socket Mode delivers it (the same fields as the HTTP form, as an object). */
export function slashCommandPayload(text: string, responseUrl: string, who: { teamId: string; userId: string; channelId: string }) {
  return {
    token: "deprecated", team_id: who.teamId, team_domain: "emulated", channel_id: who.channelId, channel_name: "general",
    user_id: who.userId, user_name: "alice", command: "/papers", text, api_app_id: "A0PAPERS", is_enterprise_install: "false",
    response_url: responseUrl, trigger_id: `trigger-${Date.now()}`,
  };
}
