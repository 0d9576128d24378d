// Runs after every test file (vitest setupFiles): everything the bot logged in that file — every
// LogCapture, and anything written to the console or the process's stdout/stderr — must not contain
// one of the test secrets. A leak fails the file that caused it, with the secret's name and the line.
import { afterAll } from "vitest";
import { capturedLogs, leakedSecrets } from "./secrets.ts";

const written: string[] = [];
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    written.push(typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk));
    return original(chunk, ...rest);
  }) as typeof stream.write;
}
for (const level of ["log", "info", "warn", "error", "debug", "trace"] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    written.push(args.map((a) => (typeof a === "string" ? a : safeJson(a))).join(" "));
    original(...args);
  };
}

function safeJson(value: unknown): string {
  try { return value instanceof Error ? `${value.message} ${JSON.stringify(value)}` : JSON.stringify(value) ?? String(value); }
  catch { return String(value); }
}

afterAll(() => {
  const sources = [...capturedLogs().map((c, i) => ({ where: `log capture #${i + 1}`, text: c.text })), { where: "console/stdout/stderr", text: written.join("") }];
  const leaks = sources.flatMap(({ where, text }) => leakedSecrets(text).map((secret) => {
    const line = text.split("\n").find((l) => l.includes(secret)) ?? "";
    // The report names the secret and shows the line with the secret blanked out, so it leaks nothing itself.
    return `${where}: ${secret.slice(0, 8)}… in ${line.split(secret).join("«secret»").slice(0, 300)}`;
  }));
  if (leaks.length) throw new Error(`A test secret reached the logs:\n${leaks.join("\n")}`);
});
