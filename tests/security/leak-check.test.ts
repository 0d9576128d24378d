// The suite's leak check (tests/support/leak-check.ts) is only as good as what it reads and what it looks
// for: here, that a spawned `papers` process's output is among what it reads, and that a secret handed to
// a process or a config for the first time is among what it looks for.
import { describe, expect, it } from "vitest";
import { spawnPapers } from "../support/processes.ts";
import { capturedLogs, leakedSecrets, registerSecretsIn } from "../support/secrets.ts";

describe("the leak check", () => {
  it("reads the whole output of every spawned papers process", async () => {
    const run = spawnPapers(["no-such-command"], {});
    await run.exited;
    expect(run.stderr()).toContain('unknown command "no-such-command"');
    expect(capturedLogs().some((c) => c.text.includes('unknown command "no-such-command"'))).toBe(true);
  });

  it("looks for every secret a test hands over, not only the fixed test credentials", () => {
    const fresh = `xoxb-${Date.now()}-fresh-secret`;
    expect(leakedSecrets(`a line with ${fresh}`)).toEqual([]);
    registerSecretsIn({ SLACK_BOT_TOKEN: fresh, DATABASE_URL: "postgresql://bot:pw-fresh-123@db/papers", PORT: "3000" });
    expect(leakedSecrets(`a line with ${fresh} and pw-fresh-123 on port 3000`)).toEqual([fresh, "pw-fresh-123"]);
  });
});
