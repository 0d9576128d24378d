// In chat mode the log is one JSON object per line (README, *Logs*): the sentence that says why start-up
// stopped is logged as a fatal line too, for a log pipeline, and stays the last line, for a person. Terminal
// mode and the one-shot commands keep the sentence alone. Never a token in either.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.ts";
import { TEST_SLACK_BOT_TOKEN } from "../support/secrets.ts";

/** The JSON lines of `text`, and its last line. */
function split(text: string) {
  const lines = text.trim().split("\n");
  return { json: lines.filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>), last: lines.at(-1) ?? "" };
}

describe("a fatal start-up error in chat mode", () => {
  it("is a JSON fatal line with the sentence, then the sentence: no chat configured (--chat)", async () => {
    const { code, err } = await runCli(["start", "--chat"], { DATABASE_URL: "file::memory:" });
    const { json, last } = split(err);
    expect(code).toBe(2);
    expect(last).toMatch(/^Configuration error: /);
    expect(json).toEqual([{ level: "fatal", time: expect.any(String), exitCode: 2, msg: last }]);
  });

  it("is a JSON fatal line for a malformed setting, read before anything says whether chat is configured", async () => {
    const { code, err } = await runCli(["start", "--chat"], { PORT: "eighty", SLACK_BOT_TOKEN: TEST_SLACK_BOT_TOKEN });
    const { json, last } = split(err);
    expect(code).toBe(2);
    expect(last).toMatch(/PORT/);
    expect(json).toEqual([{ level: "fatal", time: expect.any(String), exitCode: 2, msg: last }]);
    expect(err).not.toContain(TEST_SLACK_BOT_TOKEN);
  });

  it("names no token in either line when the sentence would", async () => {
    // A setting that is not a URL, echoing what it was given: the token in it is masked in both lines.
    const { err } = await runCli(["start", "--chat"], { SLACK_BOT_TOKEN: TEST_SLACK_BOT_TOKEN, SLACK_API_URL: `not a url ${TEST_SLACK_BOT_TOKEN}` });
    const { json } = split(err);
    expect(json).toHaveLength(1);
    expect(err).not.toContain(TEST_SLACK_BOT_TOKEN);
  });
});

describe("outside chat mode", () => {
  it("a one-shot command's mistake is the sentence alone", async () => {
    const { code, err } = await runCli(["search", "moe"], { PORT: "eighty" });
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toEqual([expect.stringMatching(/PORT/)]);
  });
});
