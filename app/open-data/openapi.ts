import { z } from "zod";
import { OPEN_DATA_TYPES, type OpenDataType } from "../../db/queries/open-data";
import { CERTIFICATION_VALUES, ENTITY_TYPE_VALUES, FACET_NAMES, GI_SCHEME_VALUES, SORT_VALUES } from "../search/facets";
import { LIST_PARAMS, type ParamDef } from "./params";
import { ApiError, LIST_SCHEMAS, RECORD_SCHEMAS, SCHEMA_NAMES } from "./schemas";

// /api/v1/openapi.json: an OpenAPI 3.1 document generated with z.toJSONSchema from the schemas in ./schemas.ts (the
// ones every response is validated against) and the parameter definitions in ./params.ts (the ones requests are
// validated with).

export const LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** /api/v1/search belongs to the search feature; this is its answer as docs/interfaces.md fixes it (checked by a test). */
export const SearchResponse = z.looseObject({
  hits: z.array(
    z.looseObject({
      id: z.string(),
      type: z.enum(ENTITY_TYPE_VALUES),
      name_zh: z.string(),
      name_en: z.string().nullable(),
      county: z.string().nullable(),
      url: z.string(),
    }),
  ),
  facets: z.record(z.string(), z.record(z.string(), z.number())),
  total: z.int().nonnegative(),
  page: z.int().positive(),
  per_page: z.int().positive(),
  degraded: z.boolean(),
  /** did-you-mean: the query as typed found nothing, and these are the results of the spelling it surely meant */
  corrected: z.object({ q: z.string(), kind: z.enum(["name", "pinyin", "initials", "english", "chinese"]) }).nullable(),
});

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonObject {
  const out = z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }) as JsonObject;
  delete out.$schema;
  return out;
}

function parameter(name: string, def: ParamDef): JsonObject {
  const item = jsonSchema(def.schema);
  return {
    name,
    in: "query",
    required: false,
    description: def.description,
    schema: def.repeatable ? { type: "array", items: item } : item,
    ...(def.repeatable ? { style: "form", explode: true } : {}),
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonObject) => ({ "application/json": { schema } });

const cachingHeaders = {
  ETag: { description: "Weak entity tag of the body; send it back in If-None-Match", schema: { type: "string" } },
  "Last-Modified": { description: "When the records of this type last changed", schema: { type: "string" } },
  "Access-Control-Allow-Origin": { description: "Always *: any site may read the API from a browser", schema: { type: "string" } },
};

const commonResponses = {
  "304": { description: "Not modified: the copy named by If-None-Match (or dated by If-Modified-Since) is current", headers: cachingHeaders },
  "429": {
    description: "Too many requests from this client",
    headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } },
    content: json(ref("Error")),
  },
};

const TITLES: Record<OpenDataType, string> = {
  gi: "Geographical-indication (GI) products",
  trademarks: "Trademarks",
  "regional-brands": "Regional public brands (区域公用品牌)",
  products: "Products of producers in good standing",
  organizations: "Producers and other organisations in good standing (public contacts only)",
};

export function openApiDocument(options: { serverUrl?: string } = {}): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const type of OPEN_DATA_TYPES) {
    registry.add(RECORD_SCHEMAS[type], { id: SCHEMA_NAMES[type] });
    registry.add(LIST_SCHEMAS[type], { id: `${SCHEMA_NAMES[type]}List` });
  }
  registry.add(ApiError, { id: "Error" });
  registry.add(SearchResponse, { id: "SearchResponse" });
  const generated = z.toJSONSchema(registry, { io: "output", uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" }) as {
    schemas: Record<string, JsonObject>;
  };
  const schemas: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(generated.schemas)) {
    const { $schema: _s, $id: _i, ...rest } = schema;
    schemas[id] = rest;
  }

  const paths: Record<string, JsonObject> = {};
  for (const type of OPEN_DATA_TYPES) {
    const name = SCHEMA_NAMES[type];
    paths[`/api/v1/${type}`] = {
      get: {
        operationId: `list${name}`,
        summary: `${TITLES[type]}: published records, by id`,
        tags: [type],
        parameters: Object.entries(LIST_PARAMS[type]).map(([param, def]) => parameter(param, def)),
        responses: {
          "200": { description: "One page of records", headers: cachingHeaders, content: json(ref(`${name}List`)) },
          "400": { description: "Unknown parameter or bad value (the message names the parameter)", content: json(ref("Error")) },
          ...commonResponses,
        },
      },
    };
    paths[`/api/v1/${type}/{id}`] = {
      get: {
        operationId: `get${name}`,
        summary: `One published record of ${TITLES[type].toLowerCase()}`,
        tags: [type],
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }],
        responses: {
          "200": { description: "The record", headers: cachingHeaders, content: json(ref(name)) },
          "400": { description: "A query parameter was given (this endpoint takes none)", content: json(ref("Error")) },
          "404": { description: "No published record with this id", content: json(ref("Error")) },
          ...commonResponses,
        },
      },
    };
  }
  const searchParam = (name: string, description: string, schema: JsonObject, repeatable = false): JsonObject => ({
    name,
    in: "query",
    required: false,
    description,
    schema: repeatable ? { type: "array", items: schema } : schema,
    ...(repeatable ? { style: "form", explode: true } : {}),
  });
  paths["/api/v1/search"] = {
    get: {
      operationId: "search",
      summary: "Search every type at once (Chinese, pinyin, English), with facet counts",
      tags: ["search"],
      parameters: [
        searchParam("q", "Free text, at most 200 characters", { type: "string", maxLength: 200 }),
        searchParam("type", "Record type. Repeatable.", { type: "string", enum: [...ENTITY_TYPE_VALUES] }, true),
        searchParam("county", "District or county (乐都区, 乐都, Ledu District). Repeatable.", { type: "string" }, true),
        searchParam("township", "Township name. Repeatable.", { type: "string" }, true),
        searchParam("gi_scheme", "GI scheme. Repeatable.", { type: "string", enum: [...GI_SCHEME_VALUES] }, true),
        searchParam("nice_class", "Nice class. Repeatable.", { type: "integer", minimum: 1, maximum: 45 }, true),
        searchParam("certification", "Certification. Repeatable.", { type: "string", enum: [...CERTIFICATION_VALUES] }, true),
        searchParam("month", "Month available. Repeatable.", { type: "integer", minimum: 1, maximum: 12 }, true),
        searchParam("well_known", "中国驰名商标 only (true) or not (false)", { type: "boolean" }),
        searchParam("sort", "Order of hits", { type: "string", enum: [...SORT_VALUES] }),
        searchParam("page", "Page, 1–200", { type: "integer", minimum: 1, maximum: 200 }),
        searchParam("per_page", "Hits per page, 1–50", { type: "integer", minimum: 1, maximum: 50 }),
        searchParam("facets", "Facets to count (comma-separated or repeated)", { type: "string", enum: [...FACET_NAMES] }, true),
      ],
      responses: {
        "200": {
          description: "Hits, facet counts and paging; degraded is true when answered from PostgreSQL",
          headers: { "Access-Control-Allow-Origin": cachingHeaders["Access-Control-Allow-Origin"] },
          content: json(ref("SearchResponse")),
        },
        "400": { description: "Unknown parameter or bad value (the message names the parameter)", content: json(ref("Error")) },
        "429": commonResponses["429"],
      },
    },
  };
  paths["/api/v1/openapi.json"] = {
    get: {
      operationId: "openapi",
      summary: "This document",
      tags: ["meta"],
      responses: { "200": { description: "OpenAPI 3.1 document", content: json({ type: "object" }) }, ...commonResponses },
    },
  };

  // A tree of its own on every call: the shared pieces above (cachingHeaders, commonResponses) would otherwise be shared
  // with every earlier document, and a reader that resolves $refs in place (the schema validator does) changed them.
  return structuredClone({
    openapi: "3.1.0",
    info: {
      title: "Haidong Brand & GI Catalogue — open data API (海东品牌与地理标志目录 开放数据接口)",
      version: "1.0.0",
      summary: "Read-only access to the catalogue's published trademarks, GI products, regional brands, products and producers",
      description: [
        "Published records only; organisations (and their products) only while their credit status is normal, with their public contacts only.",
        "Pages: `page` (from 1) and `per_page` (at most 100). Unknown parameters and bad values answer 400 with a message naming the parameter.",
        "Caching: every 200 carries a weak ETag and Last-Modified; send If-None-Match or If-Modified-Since to get 304 when nothing changed.",
        "CORS: GET from any origin. Throttling: about 120 requests at once and 2 per second after that, per client address and app server; 429 carries Retry-After.",
        "Licence: the catalogue's own compilation is CC BY 4.0 (attribute “海东品牌与地理标志目录 / Haidong Brand & GI Catalogue”); reference facts come from the sources listed in each record's `sources`, which reuse must cite.",
        "Bulk downloads of every type (CSV and JSON) are listed at /open-data.",
      ].join("\n\n"),
      license: LICENCE,
    },
    servers: [{ url: options.serverUrl ?? "/" }],
    tags: [
      ...OPEN_DATA_TYPES.map((t) => ({ name: t, description: TITLES[t] })),
      { name: "search", description: "Catalogue search" },
      { name: "meta", description: "About the API" },
    ],
    paths,
    components: { schemas },
  });
}

/**
 * The copy kept in the repository (docs/openapi.json, written by `npm run openapi`), so the API can be read without
 * running the app: relative server URL, two-space indent, final newline. openapi.test.ts fails when it is stale.
 */
export function openApiFileText(): string {
  return `${JSON.stringify(openApiDocument(), null, 2)}\n`;
}
