// `npm test`: the whole suite on SQLite, then again on PostgreSQL when a server answers
// (TEST_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres). Without one, the second
// pass is skipped with one line saying so. Extra arguments go to vitest (e.g. a test file).
import { spawnSync } from "node:child_process";
import net from "node:net";

const args = process.argv.slice(2);
const vitest = (env) => spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", ...args], { stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

const pgUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const reachable = (url) => new Promise((resolve) => {
  const { hostname, port } = new URL(url);
  const socket = net.connect({ host: hostname, port: Number(port || 5432) });
  socket.setTimeout(1000);
  socket.on("connect", () => { socket.end(); resolve(true); });
  socket.on("error", () => resolve(false));
  socket.on("timeout", () => { socket.destroy(); resolve(false); });
});

console.log("== papers-bot tests on SQLite");
const sqlite = vitest({ TEST_DATABASE_URL: "" });
let postgres = 0;
if (process.env.SKIP_POSTGRES === "1") console.log("== PostgreSQL pass skipped: SKIP_POSTGRES=1");
else if (await reachable(pgUrl)) {
  console.log(`== papers-bot tests on PostgreSQL (${new URL(pgUrl).host})`);
  postgres = vitest({ TEST_DATABASE_URL: pgUrl });
} else console.log(`== PostgreSQL pass skipped: no server at ${new URL(pgUrl).host} (set TEST_DATABASE_URL to run it)`);
process.exit(sqlite || postgres);
