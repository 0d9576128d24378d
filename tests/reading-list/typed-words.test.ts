// Words people type into `/papers bookmarks <words>`: names written with letters their keyboard lacks (Łukasz,
// Søren), a hyphenated surname, a minus before "3d", a note with a LaTeX accent, and a minus word on the other
// side of paper and note from the match.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { TestServices } from "../support/services.ts";
import { addPapers, bookmarkInOrder, paper, person, say, setup, teardown } from "./support.ts";

let s: TestServices;
const reader = person("U-words");
const ids = async (q: string) => ((await say(s, reader, `bookmarks ${q}`)).papers ?? []).map((p) => p.id);
beforeAll(async () => {
  s = await setup();
  const ps = [
    paper({ id: "2501.00001", arxivId: "2501.00001", title: "Zebra routing for sparse models", authors: ["José Núñez-Müller", "Li Wei"] }),
    paper({ id: "2501.00002", arxivId: "2501.00002", title: "Okapi alignment at scale", authors: ["Łukasz Kaiser", "Søren Hauberg"],
      summary: "We render scenes with 3D Gaussian splatting." }),
    paper({ id: "2501.00003", arxivId: "2501.00003", title: "Okapi herding with llamas", authors: ["Ann Smith"], summary: "Plain 2D images only." }),
  ];
  await addPapers(s, ps);
  await bookmarkInOrder(s, reader, ps.map((p) => p.id));
});
afterAll(() => teardown(s));

it("finds Łukasz and Søren typed on a plain keyboard, as it finds Núñez by nunez", async () => {
  expect(await ids("nunez")).toEqual(["2501.00001"]); // accents fold
  expect(await ids("lukasz")).toEqual(["2501.00002"]);
  expect(await ids("soren")).toEqual(["2501.00002"]);
});

it("finds an author by the hyphenated surname as written", async () => {
  expect(await ids("nunez")).toEqual(["2501.00001"]);
  expect(await ids("muller")).toEqual(["2501.00001"]);
  expect(await ids("nunez-muller")).toEqual(["2501.00001"]);
});

it("a minus before a word starting with a digit leaves it out, rather than asking for it", async () => {
  expect(await ids("okapi -3d")).toEqual(["2501.00003"]);
});

it("a note written with a LaTeX accent is found by the plain word, as an abstract with one is", async () => {
  await say(s, reader, "note 2501.00003 compare with Pok\\'emon agents");
  expect(await ids("pokemon")).toEqual(["2501.00003"]);
});

it("a minus word in the paper leaves out a note match, and one in the note leaves out a paper match", async () => {
  const reader = person("U-minus");
  const all = await s.papers.all();
  const survey = all.find((p) => p.title === "A Survey on Mixture of Experts")!;
  const poke = all.find((p) => p.title.startsWith("PokéChamp"))!;
  await bookmarkInOrder(s, reader, [survey.id, poke.id]);
  await say(s, reader, `note ${survey.id} must reread tonight`);
  await say(s, reader, `note ${poke.id} great battles`);
  const titles = async (q: string) => ((await say(s, reader, `bookmarks ${q}`)).papers ?? []).map((p) => p.title);
  // The note has "reread"; the title has "Survey": the minus should leave it out.
  expect(await titles("reread -survey")).toEqual([]);
  expect(await titles("great -pokechamp")).toEqual([]);
  // The title has "Survey"; the note has "tonight": likewise.
  expect(await titles("survey -tonight")).toEqual([]);
  expect(await titles("survey NOT tonight")).toEqual([]);
});
