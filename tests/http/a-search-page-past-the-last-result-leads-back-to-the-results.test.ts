import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pendingSearchEventCount } from "../../db/queries/outbox";
import { startTestApp, waitForIndexed, type TestApp } from "../support/app";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { createTestSearch } from "../support/search";

// Issue 17: /search?q=青稞&page=5 said "共找到 8 条结果" and then "没有找到…", with no way back. A page past the last
// one now says so and links the last page and the first, in both languages.

let t: TestDatabase;
let search: Awaited<ReturnType<typeof createTestSearch>>;
let app: TestApp;
let total = 0;
const q = encodeURIComponent("青稞");

beforeAll(async () => {
  t = await createTestDatabase();
  search = await createTestSearch();
  app = await startTestApp({ databaseUrl: t.url, indexPrefix: search.prefix });
  // the whole seeded catalogue indexed, not just its first batch: the page count is read from the final total
  await waitForIndexed(async () => {
    const body = (await (await fetch(`${app.url}/api/v1/search?q=${q}`)).json()) as { degraded: boolean; total: number };
    total = body.total;
    return body.degraded === false && body.total > 2 && (await pendingSearchEventCount(t.db)) === 0;
  }, 60_000);
});
afterAll(async () => {
  await app?.stop();
  await search?.drop();
  await t?.drop();
});

const text = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "");

describe("a buyer who opens a search page past the last result", () => {
  it("is told the results end earlier and gets links to the last and the first page (Chinese)", async () => {
    const pages = Math.ceil(total / 2);
    const res = await fetch(`${app.url}/search?q=${q}&per_page=2&page=${pages + 3}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(text(html)).toContain(`没有第 ${pages + 3} 页:这些结果到第 ${pages} 页就结束了。`);
    // the count line does not claim a page that is not there ("第 9 页,共 7 页")
    expect(text(html)).not.toContain(`第 ${pages + 3} 页,共`);
    expect(html).toContain(`href="/search?q=${q}&amp;per_page=2${pages > 1 ? `&amp;page=${pages}` : ""}"`);
    expect(text(html)).toContain(`去最后一页(第 ${pages} 页)`);
    expect(html).toContain(`href="/search?q=${q}&amp;per_page=2">回到第一页</a>`);
    expect(text(html)).not.toContain("没有找到");
    // the last page itself has results
    const last = await (await fetch(`${app.url}/search?q=${q}&per_page=2&page=${pages}`)).text();
    expect(last).toContain('class="result-list"');
  });

  it("reads the same in English", async () => {
    const pages = Math.ceil(total / 2);
    const html = await (await fetch(`${app.url}/search?q=${q}&per_page=2&page=${pages + 1}&lang=en`)).text();
    expect(text(html)).toContain(`There is no page ${pages + 1}: these results end on page ${pages}.`);
    expect(text(html)).toContain(`Go to the last page (page ${pages})`);
    expect(text(html)).toContain("Back to the first page");
  });

  it("a search with no results at all still says nothing was found", async () => {
    const html = await (await fetch(`${app.url}/search?q=${encodeURIComponent("没有这种东西")}&page=3`)).text();
    expect(text(html)).not.toContain("没有第 3 页");
  });
});
