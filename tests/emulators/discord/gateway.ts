// A Discord gateway on loopback: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, then whatever
// dispatches a test asks for. Plain JSON frames (discord.js asks for ?encoding=json without compression).
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { guildCreatePayload, readyPayload, type EmulatedGuild, type EmulatedUser, type ThreadRecord } from "./payloads.ts";

export interface GatewayOptions {
  bot: EmulatedUser; applicationId: string; guilds: EmulatedGuild[]; heartbeatIntervalMs?: number; token: () => string;
  /** The threads as they stand now: GUILD_CREATE carries the active ones. */
  threads: () => Iterable<ThreadRecord>;
}

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<{ socket: WebSocket; seq: number; intents: number }>();
  private readyWaiters: (() => void)[] = [];
  identifies = 0;

  constructor(private readonly options: GatewayOptions, private readonly baseUrl: () => string) {}

  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith("/gateway")) { socket.destroy(); return; }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  private accept(socket: WebSocket): void {
    const session = { socket, seq: 0, intents: 0 };
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (frame.op === 2) {
        // As Discord: a token it does not know closes the connection with 4004, "Authentication failed".
        if ((frame.d as { token?: unknown } | null)?.token !== this.options.token()) { socket.close(4004, "Authentication failed."); return; }
        this.identifies++;
        session.intents = Number((frame.d as { intents?: unknown }).intents ?? 0);
        this.sessions.add(session);
        this.send(session, "READY", readyPayload(this.options.bot, this.options.applicationId, this.options.guilds, this.baseUrl()));
        // As Discord: each guild with its active threads (an archived one is not sent; unarchiving it sends THREAD_UPDATE).
        const active = [...this.options.threads()].filter((t) => !t.thread_metadata.archived);
        for (const guild of this.options.guilds) {
          this.send(session, "GUILD_CREATE", guildCreatePayload(guild, this.options.bot, active.filter((t) => t.guild_id === guild.id)));
        }
        for (const resolve of this.readyWaiters.splice(0)) resolve();
      }
    });
    socket.on("close", () => this.sessions.delete(session));
  }

  private send(session: { socket: WebSocket; seq: number }, t: string, d: unknown): void {
    session.seq++;
    session.socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
  }

  /** Resolves once some client has identified (now or later). */
  identified(): Promise<void> {
    if (this.sessions.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends an event to every identified session (with `intent`: only those that asked for it, as Discord does). */
  dispatch(t: string, d: unknown, intent?: number): void {
    if (this.sessions.size === 0) throw new Error(`No client is connected to receive ${t}.`);
    for (const session of this.sessions) if (intent === undefined || (session.intents & intent) !== 0) this.send(session, t, d);
  }

  get connections(): number { return this.sessions.size; }

  /** Closes every identified session with a gateway close code (4004: the token is no longer valid). */
  closeAll(code: number, reason: string): void {
    for (const { socket } of this.sessions) socket.close(code, reason);
    this.sessions.clear();
  }

  async close(): Promise<void> {
    for (const { socket } of this.sessions) socket.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
