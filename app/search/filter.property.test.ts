import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestSearch } from "../../tests/support/search";
import { FILTERABLE } from "./facets";
import { buildFilter, quoteFilterValue, UnknownFilterAttributeError } from "./filter";

// Property tests of filter building against the REAL Meilisearch: any value a request can carry must give a filter
// that parses and matches exactly the documents holding that value. Meilisearch compares facet strings after trimming
// white space, NFKD and lower-casing (milli's normalize_facet); `facetKey` mirrors that, so values that are
// different strings to Meilisearch are kept distinct here and the assertions are about string equality under it.

let search: Awaited<ReturnType<typeof createTestSearch>>;
beforeAll(async () => {
  search = await createTestSearch();
});
afterAll(async () => search?.drop());

function facetKey(value: string): string {
  return value
    .replace(/^\p{White_Space}+|\p{White_Space}+$/gu, "")
    .normalize("NFKD")
    .toLowerCase();
}

const syntax = fc.constantFrom(
  '"',
  "'",
  "\\",
  "\\\\",
  '\\"',
  "\n",
  "\r\n",
  "\t",
  " ",
  " OR ",
  " AND ",
  "NOT ",
  "=",
  "!=",
  ">=",
  " TO ",
  " EXISTS",
  " IS NULL",
  " IS EMPTY",
  " IN [",
  "]",
  "(",
  ")",
  ",",
  "county",
  'type = "gi"',
  "_geoRadius(1, 2, 3)",
  "😀",
  "👨‍👩‍👧",
  "青稞",
  "互助土族自治县",
  "\u0000",
  "\u200b",
);
/** arbitrary text: any code point (no lone surrogates: impossible in JSON), grapheme clusters, and filter syntax */
const anyValue = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 24 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
  fc.array(fc.oneof(syntax, fc.string({ unit: "grapheme", maxLength: 3 })), { minLength: 1, maxLength: 8 }).map((parts) => parts.join("")),
);

let batch = 0;

describe("filters built from arbitrary values, on the real Meilisearch", () => {
  it("always parse and match exactly the documents holding the value (OR within the facet, AND with another)", async () => {
    const index = search.client.index(search.indexName);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(
          anyValue.filter((v) => facetKey(v) !== ""),
          { minLength: 2, maxLength: 6, selector: facetKey },
        ),
        async (values) => {
          const run = ++batch;
          const docs = values.map((county, i) => ({ id: `b${run}-${i}`, type: i % 2 === 0 ? "product" : "organization", county, name_zh: "样品" }));
          const task = await index.addDocuments(docs).waitTask({ timeout: 30_000, interval: 20 });
          expect(task.status).toBe("succeeded");

          for (const [i, value] of values.entries()) {
            const res = await index.search("", { filter: buildFilter({ county: [value] }), limit: 1000, attributesToRetrieve: ["id", "county"] });
            const ids = res.hits.map((h) => h.id as string);
            expect(ids).toContain(`b${run}-${i}`);
            // every match holds the same value (documents of earlier batches may, under Meilisearch's comparison)
            for (const hit of res.hits) expect(facetKey(hit.county as string)).toBe(facetKey(value));
            expect(ids.filter((id) => id.startsWith(`b${run}-`))).toEqual([`b${run}-${i}`]);
          }

          // two values OR together, ANDed with the type facet
          const [a, b] = [values[0]!, values[1]!];
          const res = await index.search("", { filter: buildFilter({ county: [a, b], type: ["product"] }), limit: 1000, attributesToRetrieve: ["id"] });
          expect(res.hits.map((h) => h.id as string).filter((id) => id.startsWith(`b${run}-`))).toEqual([`b${run}-0`]);
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);

  it("never fails to parse, whatever the value (empty and blank included)", async () => {
    const index = search.client.index(search.indexName);
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyValue, fc.constantFrom("", " ", "\n", '""')), fc.constantFrom(...FILTERABLE), async (value, attribute) => {
        // throws (and fails the property) on a 400 invalid_search_filter
        await index.search("", { filter: buildFilter({ [attribute]: [value] }), limit: 1 });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("quotes every value, so no value can add a clause", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const quoted = quoteFilterValue(value);
        expect(quoted.startsWith('"') && quoted.endsWith('"')).toBe(true);
        // inside the quotes, every quote is escaped (preceded by an odd number of backslashes)
        const inner = quoted.slice(1, -1);
        for (const m of inner.matchAll(/(\\*)"/g)) expect(m[1]!.length % 2).toBe(1);
      }),
      { numRuns: 500 },
    );
  });

  it("rejects attributes off the allowlist before anything reaches Meilisearch", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 30 }).filter((a) => !(FILTERABLE as readonly string[]).includes(a)),
        (attribute) => {
          expect(() => buildFilter({ [attribute]: ["x"] } as never)).toThrow(UnknownFilterAttributeError);
        },
      ),
      { numRuns: 300 },
    );
    // the ones Meilisearch would accept but we do not expose
    for (const attribute of ["is_sample", "name_zh", 'county = "x" OR type', "__proto__", "constructor"]) {
      expect(() => buildFilter({ [attribute]: ["x"] } as never)).toThrow(UnknownFilterAttributeError);
    }
  });
});
