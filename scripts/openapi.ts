import fs from "node:fs";
import path from "node:path";
import { openApiFileText } from "../app/open-data/openapi";

// `npm run openapi`: writes docs/openapi.json from the code (app/open-data/openapi.ts). Run it after changing an
// /api/v1 schema or parameter; app/open-data/openapi.test.ts fails until the committed copy matches.

const out = path.resolve(import.meta.dirname, "..", "docs", "openapi.json");
fs.writeFileSync(out, openApiFileText());
console.log(`[haidong] wrote ${path.relative(process.cwd(), out)}`);
