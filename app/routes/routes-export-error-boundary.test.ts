import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

// A route with a page but no ErrorBoundary hands its thrown 4xx/5xx to the root boundary, which drops the layout
// and the translated message (a malformed id on an events screen showed a bare apology). Read the sources rather
// than import the modules: importing would boot the server services.
const dir = join(import.meta.dirname, ".");
const pages = readdirSync(dir).filter((f) => f.endsWith(".tsx") && !f.includes(".test."));

// search.tsx keeps its own boundary on purpose (it offers a fresh search form); every other page uses the shared one.
it.each(pages.filter((f) => /^export default /m.test(readFileSync(join(dir, f), "utf8"))))("%s exports an ErrorBoundary", (file) => {
  expect(readFileSync(join(dir, file), "utf8")).toMatch(/^export (\{ ErrorBoundary \} from "\.\.\/components\/route-error";$|function ErrorBoundary\()/m);
});
