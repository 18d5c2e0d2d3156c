import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 17, on the results page a buyer reads: a query that finds nothing as typed is corrected to the spelling it
// surely meant and says so; a place with a product nobody there makes keeps the product; names are highlighted where
// the query matched them (a substring, pinyin initials), never only the token Meilisearch happened to cut.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  await waitForIndexed(async () => {
    const body = (await (await fetch(`${app.url}/api/v1/search?q=${encodeURIComponent("青稞")}`)).json()) as { degraded: boolean; total: number };
    return body.degraded === false && body.total > 0 && (await pendingSearchEventCount(t.db)) === 0;
  }, 60_000);
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const page = async (q: string, extra = "") => (await fetch(`${app.url}/search?q=${encodeURIComponent(q)}${extra}`)).text();
const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "");

describe("a buyer who mistypes or types the package's words", () => {
  it("typing yka is shown the results for yak, and told so, in Chinese and English", async () => {
    const zh = text(await page("yka"));
    expect(zh).toContain("没有找到“yka”,下面是“yak”的结果。");
    expect(zh).toContain("互助青海白牦牛");
    expect(text(await page("yka", "&lang=en"))).toContain("Nothing found for “yka”; showing results for “yak”.");
  });

  it("the API says what it corrected", async () => {
    const body = (await (await fetch(`${app.url}/api/v1/search?q=yka`)).json()) as { corrected: unknown; total: number };
    expect(body.corrected).toEqual({ q: "yak", kind: "english" });
    expect(body.total).toBeGreaterThan(0);
  });

  it("typing 乐都花椒 gets 花椒 (no 乐都 record has it), with the notice that not every word was found", async () => {
    const html = text(await page("乐都花椒"));
    expect(html).toContain("没有同时包含所有词语的结果");
    expect(html).toContain("循化花椒");
    // no "did you mean" of the query's own pinyin, which finds what it found
    expect(html).not.toContain("leduhuajiao");
  });

  it("sees the part of a name the query matched marked, from a substring or pinyin initials", async () => {
    expect(await page("稞酒")).toContain("<span>互助青</span><mark>稞酒</mark>");
    expect(await page("hzqkj")).toContain("<mark>互助青稞酒</mark>");
  });

  it("typing something the catalogue does not hold is told nothing was found, with no correction forced on it", async () => {
    const html = text(await page("葡萄酒"));
    expect(html).toContain("没有找到与“葡萄酒”相关的结果。");
    expect(html).not.toContain("下面是");
  });
});
