import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { OPEN_DATA_TYPES } from "../../db/queries/open-data";
import { openApiDocument, openApiFileText } from "./openapi";
import { LIST_PARAMS } from "./params";

// The generated document is valid OpenAPI 3.1 and describes every endpoint and parameter the handlers accept.

describe("openApiDocument", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = openApiDocument({ serverUrl: "https://catalogue.example.cn" });
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // every $ref resolves
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("lists each type's list and detail paths with the parameters the handlers accept", () => {
    const doc = openApiDocument() as { paths: Record<string, { get: { parameters?: { name: string }[] } }>; components: { schemas: Record<string, unknown> } };
    for (const type of OPEN_DATA_TYPES) {
      const list = doc.paths[`/api/v1/${type}`]!.get;
      expect(list.parameters!.map((p) => p.name).sort()).toEqual(Object.keys(LIST_PARAMS[type]).sort());
      expect(doc.paths[`/api/v1/${type}/{id}`]).toBeDefined();
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(["GiProduct", "TrademarkList", "Organization", "Error"]));
    // the organisation schema has no private fields to describe
    expect(JSON.stringify(doc.components.schemas.Organization)).not.toMatch(/credit_status|"public"/);
  });

  it("is generated from the response schemas (a field of the Zod schema shows up with its constraints)", () => {
    const doc = openApiDocument() as { components: { schemas: Record<string, { properties: Record<string, Record<string, unknown>> }> } };
    const list = doc.components.schemas.ProductList!;
    expect(list.properties.per_page).toMatchObject({ type: "integer", maximum: 100 });
    expect(list.properties.items).toMatchObject({ type: "array", items: { $ref: "#/components/schemas/Product" } });
  });

  it("matches the copy in docs/openapi.json (run `npm run openapi` after changing the API)", () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, "..", "..", "docs", "openapi.json"), "utf8");
    expect(committed, "docs/openapi.json is out of date: run `npm run openapi` and commit it").toBe(openApiFileText());
  });
});
