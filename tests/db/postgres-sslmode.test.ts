// `?sslmode=require`, as managed PostgreSQL providers hand out their URLs (often with a self-signed or
// private-CA certificate): it means what it means to libpq, psql and the Prisma CLI, an encrypted
// connection whose certificate is not checked. pg alone reads it as verify-full, refused such a server
// ("self-signed certificate"), and wrote a ten-line SECURITY WARNING into the JSON log.
import { createServer, type Server, type Socket } from "node:net";
import { readFileSync } from "node:fs";
import { TLSSocket } from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnCli } from "../support/cli.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));

/** An ErrorResponse: the server refusing the role, which the CLI names as a configuration error. */
function refusal(): Buffer {
  const fields = Buffer.from("SFATAL\0C28000\0Mrole \"papers\" does not exist\0\0", "utf8");
  const head = Buffer.alloc(5);
  head.write("E", 0);
  head.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([head, fields]);
}

/**
 * A PostgreSQL stand-in that speaks TLS with a self-signed certificate: it answers the SSLRequest with
 * "S", completes the handshake, then refuses the startup message's role. Reaching that refusal proves
 * the client encrypted without checking the certificate.
 */
let server: Server;
let port = 0;
const sockets: Socket[] = [];
beforeAll(async () => {
  const [key, cert] = [fixture("self-signed.key"), fixture("self-signed.crt")];
  server = createServer((socket) => {
    sockets.push(socket);
    socket.once("data", () => { // the 8-byte SSLRequest
      socket.write("S");
      const tls = new TLSSocket(socket, { isServer: true, key, cert });
      tls.on("error", () => {});
      tls.once("data", () => tls.end(refusal()));
    });
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as import("node:net").AddressInfo).port;
});
afterAll(() => { for (const s of sockets) s.destroy(); server.close(); });

describe("DATABASE_URL with ?sslmode=require", () => {
  it("connects over TLS without checking the certificate, as libpq does, and says one sentence, no pg warning", async () => {
    const run = await spawnCli(["search", "moe"], { DATABASE_URL: `postgresql://papers:pw@127.0.0.1:${port}/papers?sslmode=require` });
    expect(run.err).not.toMatch(/SECURITY WARNING|self-signed|certificate/i);
    expect(run.err.trim().split("\n")).toEqual([`Configuration error: DATABASE_URL names a role the server does not accept (PostgreSQL at 127.0.0.1:${port}/papers).`]);
    expect(run.code).toBe(2);
  }, 20_000);

  it("still checks the certificate with ?sslmode=verify-full", async () => {
    const run = await spawnCli(["search", "moe"], { DATABASE_URL: `postgresql://papers:pw@127.0.0.1:${port}/papers?sslmode=verify-full` });
    expect(run.err).toMatch(/self-signed certificate/);
    expect(run.code).toBe(1);
  }, 20_000);
});
