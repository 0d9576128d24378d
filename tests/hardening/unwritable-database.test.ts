// A database that refuses writes until someone acts on it: its disk is full, or it is read-only (a SQLite
// file on a volume mounted read-only; a PostgreSQL standby, which is what the old primary is after a
// failover). A command that writes is answered with one sentence saying so, and the log has that sentence
// at error, without a stack; reads keep working. Before, the person got "Sorry, something went wrong on our
// side (ref …)", the apology for a bug of ours, and the log Prisma's code frame.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegistry } from "../../src/commands/index.ts";
import { runText } from "../../src/command-kit/dispatch.ts";
import type { CommandContext } from "../../src/command-kit/command.ts";
import { DATABASE_UNWRITABLE_SENTENCE } from "../../src/core/messages/reply.ts";
import type { Stores } from "../../src/core/stores/index.ts";
import { prismaStores } from "../../src/persistence/prisma/stores.ts";
import { postgresStores } from "../../src/persistence/postgresql/open.ts";
import { sqliteClient } from "../../src/persistence/sqlite/connect.ts";
import { sqlitePath } from "../../src/persistence/sqlite/database-file.ts";
import { testDatabaseProvider } from "../support/database.ts";
import { createTestServices, type TestServices } from "../support/services.ts";

let services: TestServices;
let readOnly: { stores: Stores; close(): Promise<void> };

/** The bot's stores over a connection the database itself keeps from writing, as a read-only volume or a standby does. */
async function readOnlyStores(url: string): Promise<{ stores: Stores; close(): Promise<void> }> {
  if (testDatabaseProvider === "postgresql") {
    const target = new URL(url);
    target.searchParams.set("options", `${target.searchParams.get("options") ?? ""} -c default_transaction_read_only=on`.trim());
    return postgresStores(target.toString());
  }
  const client = sqliteClient(sqlitePath(url));
  await client.$executeRawUnsafe("PRAGMA query_only = ON"); // SQLite answers a write SQLITE_READONLY, as on a read-only file
  return { stores: prismaStores(client, "sqlite"), close: () => client.$disconnect() };
}

beforeAll(async () => {
  services = await createTestServices();
  readOnly = await readOnlyStores(services.testDatabase.url);
});
afterAll(async () => { await readOnly?.close(); await services?.close(); });

describe(`a ${testDatabaseProvider} database that refuses writes`, () => {
  it("answers a write with one sentence, logs it at error without a stack, and keeps answering reads", async () => {
    const registry = createRegistry();
    const ctx: CommandContext = { services: { ...services, ...readOnly.stores }, user: { platform: "slack", workspaceId: "T1", userId: "U1" },
      channel: { platform: "slack", workspaceId: "T1", channelId: "C1" }, canManageChannel: true, now: services.clock(), rememberLists: false };
    expect((await runText(registry, "subscribe 09:00 UTC", ctx)).text).toBe(DATABASE_UNWRITABLE_SENTENCE);
    expect((await runText(registry, "trending 2", ctx)).papers).toHaveLength(2);
    const logged = services.logs.lines.map((l) => JSON.parse(l) as Record<string, any>).filter((l) => l.command === "subscribe");
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: "error", msg: "command found the database refusing writes",
      err: { type: "DatabaseUnwritableError", message: expect.stringMatching(/^The database cannot take writes: it is read-only \(.+\)$/) } });
    expect(logged[0]!.err.stack).toBeUndefined();
  });

  it.runIf(testDatabaseProvider === "sqlite")("names a full disk as such (SQLITE_FULL)", async () => {
    const client = sqliteClient(sqlitePath(services.testDatabase.url));
    try {
      // The file may grow no further: SQLite then answers as it does on a full disk.
      const [{ pages }] = await client.$queryRawUnsafe<[{ pages: number }]>("SELECT page_count AS pages FROM pragma_page_count()");
      await client.$executeRawUnsafe(`PRAGMA max_page_count = ${Number(pages)}`);
      const { bookmarks } = prismaStores(client, "sqlite");
      const paper = (await services.db.paper.findFirst())!.id;
      let refused: unknown;
      for (let i = 0; i < 5_000 && !refused; i++) await bookmarks.add({ platform: "slack", workspaceId: "T1", userId: `U${i}` }, paper).catch((e: unknown) => { refused = e; });
      expect(refused).toMatchObject({ name: "DatabaseUnwritableError", message: expect.stringMatching(/^The database cannot take writes: its disk is full \(database or disk is full\)$/) });
    } finally { await client.$disconnect(); }
  });
});
