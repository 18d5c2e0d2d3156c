import { chromium } from "playwright-core";
import { createDb } from "./db/client";
import { createAccount } from "./tests/support/accounts";

const U = "http://127.0.0.1:3100";
const db = createDb("postgres://postgres@127.0.0.1:5432/haidong_dev", { max: 2 });
const acc = await createAccount(db, { organizationName: `走查合作社${Date.now()}` });
await db.destroy();
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
for (const [label, viewport, q] of [["zh", { width: 1280, height: 900 }, "?lang=zh-CN&elder=0"], ["en", { width: 1280, height: 900 }, "?lang=en&elder=0"], ["elder", { width: 1280, height: 900 }, "?lang=zh-CN&elder=1"], ["phone", { width: 360, height: 800 }, "?lang=zh-CN&elder=0"]] as const) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  await page.goto(`${U}/login${q}`);
  await page.fill("input[name=account]", acc.email);
  await page.fill("input[name=password]", acc.password);
  await page.click("form button[type=submit]"); await page.waitForURL((u) => !u.pathname.startsWith("/login"), { waitUntil: "commit" }); await page.waitForTimeout(1500); console.log("after login", page.url());
  await page.goto(`${U}/producer/products/new`);
  await page.fill("input[name=name_zh]", `走查青稞 ${label}`);
  await page.selectOption("select[name=category]", "杂粮");
  const giOptions = await page.locator("select[name=gi_product_id] option").allTextContents();
  await page.selectOption("select[name=gi_product_id]", { index: 1 });
  await page.locator("main form[method=post] button[type=submit]").first().click(); await page.waitForURL(/\/producer\/products\/\d+/, { waitUntil: "commit" }); await page.waitForTimeout(1500);
  await page.goto(page.url().replace(/\/images$/, "")); await page.locator("select[name=gi_product_id]").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shots/gi-link-${label}.png` });
  console.log(label, giOptions.slice(0, 3));
  // a hand-made form with a sparse index, submitted without JavaScript
  await page.setContent(`<form method="post" action="${U}/signup"><input name="x[5000000]" value="1"><button>go</button></form>`);
  await page.goto(`${U}/${q}`);
  await page.evaluate((u) => { const f = document.createElement("form"); f.method = "post"; f.action = u + "/producer/products/new"; const i = document.createElement("input"); i.name = "certifications[999999].kind"; i.value = "organic"; f.appendChild(i); document.body.appendChild(f); f.submit(); }, U);
  await page.waitForLoadState("load");
  await page.screenshot({ path: `/tmp/shots/refused-${label}.png` });
  await page.goto(`${U}/%`);
  await page.screenshot({ path: `/tmp/shots/bad-path-${label}.png` });
  await ctx.close();
}
await browser.close();
