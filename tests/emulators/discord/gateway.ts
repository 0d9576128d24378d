// A Discord gateway on loopback: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, then whatever
// dispatches a test asks for. Plain JSON frames (discord.js asks for ?encoding=json without compression).
// As Discord, a session outlives its connection: events meant for it while it is away are kept, and a
// RESUME with its id gets them replayed, then RESUMED; a session it no longer knows gets INVALID_SESSION.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { guildCreatePayload, readyPayload, type EmulatedGuild, type EmulatedUser, type ThreadRecord } from "./payloads.ts";

export interface GatewayOptions {
  bot: EmulatedUser; applicationId: string; guilds: EmulatedGuild[]; heartbeatIntervalMs?: number; token: () => string;
  /** The threads as they stand now: GUILD_CREATE carries the active ones. */
  threads: () => Iterable<ThreadRecord>;
}

interface Session { id: string; socket: WebSocket | null; seq: number; intents: number; frames: { s: number; frame: string }[] }

/** Events kept per session for a RESUME (Discord keeps a window too; a test never needs more). */
const REPLAY_LIMIT = 1000;

export class Gateway {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Map<string, Session>();
  private readyWaiters: (() => void)[] = [];
  identifies = 0;
  resumes = 0;

  constructor(private readonly options: GatewayOptions, private readonly baseUrl: () => string) {}

  attach(server: Server): void {
    server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!req.url?.startsWith("/gateway")) { socket.destroy(); return; }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  private accept(socket: WebSocket): void {
    let session: Session | null = null;
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 }, s: null, t: null }));
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: unknown };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      else if (frame.op === 2) {
        // As Discord: a token it does not know closes the connection with 4004, "Authentication failed".
        if ((frame.d as { token?: unknown } | null)?.token !== this.options.token()) { socket.close(4004, "Authentication failed."); return; }
        this.identifies++;
        const ready = readyPayload(this.options.bot, this.options.applicationId, this.options.guilds, this.baseUrl());
        session = { id: ready.session_id, socket, seq: 0, intents: Number((frame.d as { intents?: unknown }).intents ?? 0), frames: [] };
        this.sessions.set(session.id, session);
        this.send(session, "READY", ready);
        // As Discord: each guild with its active threads (an archived one is not sent; unarchiving it sends THREAD_UPDATE).
        const active = [...this.options.threads()].filter((t) => !t.thread_metadata.archived);
        for (const guild of this.options.guilds) {
          this.send(session, "GUILD_CREATE", guildCreatePayload(guild, this.options.bot, active.filter((t) => t.guild_id === guild.id)));
        }
        for (const resolve of this.readyWaiters.splice(0)) resolve();
      } else if (frame.op === 6) {
        const resume = frame.d as { token?: unknown; session_id?: unknown; seq?: unknown } | null;
        const known = typeof resume?.session_id === "string" ? this.sessions.get(resume.session_id) : undefined;
        // INVALID_SESSION, not resumable (d: false): the client identifies afresh.
        if (!known || resume?.token !== this.options.token()) { socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null })); return; }
        session = known;
        session.socket = socket;
        this.resumes++;
        for (const kept of session.frames) if (kept.s > Number(resume?.seq ?? 0)) socket.send(kept.frame);
        this.send(session, "RESUMED", null);
      }
    });
    socket.on("close", (code) => {
      if (session?.socket !== socket) return;
      session.socket = null;
      // A client that closes with 1000 or 1001 ends its session, as on Discord; any other close may resume.
      if (code === 1000 || code === 1001) this.sessions.delete(session.id);
    });
  }

  private send(session: Session, t: string, d: unknown): void {
    session.seq++;
    const frame = JSON.stringify({ op: 0, t, s: session.seq, d });
    session.frames.push({ s: session.seq, frame });
    if (session.frames.length > REPLAY_LIMIT) session.frames.shift();
    session.socket?.send(frame);
  }

  /** Resolves once some client has identified (now or later). */
  identified(): Promise<void> {
    if (this.connections > 0) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends an event to every session (with `intent`: only those that asked for it, as Discord does); one
   * whose connection dropped gets it when it resumes. */
  dispatch(t: string, d: unknown, intent?: number): void {
    if (this.sessions.size === 0) throw new Error(`No client is connected to receive ${t}.`);
    for (const session of this.sessions.values()) if (intent === undefined || (session.intents & intent) !== 0) this.send(session, t, d);
  }

  get connections(): number { return [...this.sessions.values()].filter((s) => s.socket).length; }

  /** Drops every connection as a network fault would (no close frame); with `forget`, Discord has also lost
   * the sessions, so a RESUME gets INVALID_SESSION. */
  dropConnections(options: { forget?: boolean } = {}): void {
    for (const session of this.sessions.values()) { session.socket?.terminate(); session.socket = null; }
    if (options.forget) this.sessions.clear();
  }

  /** Closes every identified session with a gateway close code (4004: the token is no longer valid). */
  closeAll(code: number, reason: string): void {
    for (const { socket } of this.sessions.values()) socket?.close(code, reason);
    this.sessions.clear();
  }

  async close(): Promise<void> {
    for (const { socket } of this.sessions.values()) socket?.terminate();
    this.sessions.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
