// The deployment files say what an admin relies on: checked by reading them (there is no Docker daemon
// in CI; scripts/ci-container.sh runs the image's build and start steps for real).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

describe("Dockerfile", () => {
  const text = read("Dockerfile");
  const instructions = text.split("\n").filter((l) => /^[A-Z]+\s/.test(l)).map((l) => l.split(/\s+/)[0]);
  const stages = [...text.matchAll(/^FROM\s+\S+\s+AS\s+(\w+)/gm)].map((m) => m[1]);
  const runStage = text.slice(text.lastIndexOf("\nFROM "));

  it("is multi-stage: the last stage copies the build's output and runs without dev tools", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runStage).toMatch(/COPY --from=build/);
    expect(runStage).not.toMatch(/tsx|npm (ci|install)(?! --omit=dev)/);
    expect(text).toMatch(/RUN scripts\/container\.sh build/);
  });

  it("runs as a non-root user, exposes the port, and checks /healthz", () => {
    expect(runStage).toMatch(/^USER\s+(?!root\b)\w+/m);
    expect(runStage).toMatch(/^EXPOSE\s+3000\b/m);
    expect(runStage).toMatch(/^HEALTHCHECK[\s\S]*\/healthz/m);
    expect(instructions).toContain("CMD");
  });
});

describe(".dockerignore", () => {
  it("keeps node_modules, data/ and .env out of the image", () => {
    const lines = read(".dockerignore").split("\n").map((l) => l.trim());
    for (const kept of ["node_modules", "data/", ".env"]) expect(lines).toContain(kept);
  });
});

describe("compose.yaml", () => {
  const text = read("compose.yaml");
  it("runs the bot and postgres, healthy first, with a named volume and env from .env", () => {
    expect(text).toMatch(/^services:\n\s+bot:/m);
    expect(text).toMatch(/^\s+postgres:\n\s+image: postgres:/m);
    expect(text).toMatch(/depends_on:\n\s+postgres:\n\s+condition: service_healthy/);
    expect(text).toMatch(/healthcheck:\n\s+test: .*pg_isready/);
    expect(text).toMatch(/DATABASE_URL: postgresql:\/\/\w+:\w+@postgres:5432\/\w+/);
    expect(text).toMatch(/env_file: \.env/);
    const volume = /- (\w+):\/var\/lib\/postgresql\/data/.exec(text)?.[1];
    expect(volume).toBeTruthy();
    expect(text).toMatch(new RegExp(`^volumes:\\n\\s+${volume}:`, "m"));
  });
});

describe(".env.example", () => {
  it("lists every variable of the README's configuration table, each with a comment", () => {
    const readme = read("README.md");
    const table = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("## Slack setup"));
    const variables = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]!);
    expect(variables.length).toBeGreaterThan(15);
    const lines = read(".env.example").split("\n");
    for (const name of variables) {
      const at = lines.findIndex((l) => new RegExp(`^#?\\s?${name}=`).test(l));
      expect(at, name).toBeGreaterThan(0);
      expect(lines[at - 1], name).toMatch(/^# \S/);
    }
  });
});
