import { describe, expect, it } from "vitest";
import { resolveCounty } from "../search/places.server";
import { parseListQuery, refuseParameters } from "./params";

const parse = (type: Parameters<typeof parseListQuery>[0], qs: string) => parseListQuery(type, new URLSearchParams(qs), resolveCounty);

describe("parseListQuery", () => {
  it("reads paging and filters, resolving county names and dropping repeats", () => {
    expect(parse("products", "page=2&per_page=100&county=乐都&county=Ledu District&month=5&month=6&certification=organic&gi_scheme=agricultural")).toEqual({
      ok: true,
      value: {
        page: 2,
        per_page: 100,
        filters: {
          county: ["乐都区"],
          township: undefined,
          gi_scheme: ["agricultural"],
          nice_class: undefined,
          well_known: undefined,
          certification: ["organic"],
          month: [5, 6],
        },
      },
    });
    expect(parse("trademarks", "well_known=false&nice_class=33")).toMatchObject({
      ok: true,
      value: { page: 1, per_page: 20, filters: { well_known: false, nice_class: [33] } },
    });
    expect(parse("gi", "county=")).toMatchObject({ ok: true, value: { filters: { county: undefined } } });
  });

  it.each([
    ["gi", "per_page=101", "Parameter per_page: must be an integer from 1 to 100"],
    ["gi", "per_page=0", "Parameter per_page"],
    ["gi", "page=1.5", "Parameter page"],
    ["gi", "page=1&page=2", "Parameter page: give it at most once"],
    ["gi", "county=北京", "Parameter county"],
    ["gi", "gi_scheme=famous", "Parameter gi_scheme: must be one of protected_product"],
    ["gi", "nice_class=33", 'unknown parameter "nice_class"'],
    ["trademarks", "well_known=yes", "Parameter well_known: must be true or false"],
    ["trademarks", "nice_class=46", "Parameter nice_class"],
    ["products", "month=13", "Parameter month"],
    ["regional-brands", "county=乐都", 'unknown parameter "county"'],
    ["organizations", "q=x", 'unknown parameter "q"'],
  ] as const)("%s?%s → 400 naming the parameter", (type, qs, message) => {
    const result = parse(type, qs);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });

  it("refuses any parameter on detail endpoints", () => {
    expect(refuseParameters(new URLSearchParams(""))).toBeUndefined();
    expect(refuseParameters(new URLSearchParams("page=1"))).toContain('unknown parameter "page"');
  });
});
