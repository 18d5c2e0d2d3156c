import { describe, expect, it } from "vitest";
import { translator } from "../i18n/i18n";
import { API_KEYS, describeProblems, PAGE_KEYS, searchHref } from "./params";
import { parseSearchParams } from "./params-schema";
import { resolveCounty } from "./places.server";

const api = (qs: string) => parseSearchParams(new URLSearchParams(qs), { allowed: API_KEYS, resolveCounty });
const page = (qs: string) => parseSearchParams(new URLSearchParams(qs), { allowed: PAGE_KEYS, resolveCounty });

function problemText(qs: string, lang: "en" | "zh-CN" = "en", surface = api) {
  const res = surface(qs);
  if (res.ok) throw new Error(`expected ${qs} to be refused`);
  return describeProblems(res.problems, translator(lang));
}

describe("search parameters", () => {
  it("has defaults", () => {
    const res = api("");
    expect(res).toEqual({
      ok: true,
      value: expect.objectContaining({ q: "", type: [], county: [], sort: "relevance", page: 1, per_page: 20, well_known: undefined }),
    });
  });

  it("reads repeated facet values, numbers and booleans", () => {
    const res = api(
      "q=%E9%9D%92%E7%A8%9E&type=gi&type=product&nice_class=33&month=8&month=8&well_known=true&sort=newest&page=2&per_page=10&gi_scheme=agricultural&certification=organic&township=%E5%A8%81%E8%BF%9C%E9%95%87",
    );
    expect(res.ok && res.value).toMatchObject({
      q: "青稞",
      type: ["gi", "product"],
      nice_class: [33],
      month: [8],
      well_known: true,
      sort: "newest",
      page: 2,
      per_page: 10,
      gi_scheme: ["agricultural"],
      certification: ["organic"],
      township: ["威远镇"],
    });
  });

  it("accepts a county by full, short or English name and gives the facet value", () => {
    const res = api("county=%E4%B9%90%E9%83%BD&county=Xunhua+Salar+Autonomous+County&county=%E4%BA%92%E5%8A%A9%E5%9C%9F%E6%97%8F%E8%87%AA%E6%B2%BB%E5%8E%BF");
    expect(res.ok && res.value.county).toEqual(["乐都区", "循化撒拉族自治县", "互助土族自治县"]);
  });

  it("ignores empty form values and turns control characters in q into spaces", () => {
    const res = page("q=%E9%9D%92%0A%E7%A8%9E&type=&county=&sort=");
    expect(res.ok && res.value).toMatchObject({ q: "青 稞", type: [], county: [], sort: "relevance" });
  });

  it.each([
    ["foo=1", "Parameter foo: is not a search parameter"],
    ["type=gis", "Parameter type: must be one of: gi, trademark, regional_brand, product, organization"],
    ["county=%E5%8C%97%E4%BA%AC", "Parameter county: is not a Haidong district or county: 北京"],
    ["gi_scheme=pdo", "Parameter gi_scheme: must be one of"],
    ["nice_class=46", "Parameter nice_class: must be from 1 to 45"],
    ["nice_class=3a", "Parameter nice_class: must be a whole number"],
    ["month=0", "Parameter month: must be from 1 to 12"],
    ["certification=halal", "Parameter certification: must be one of"],
    ["well_known=yes", "Parameter well_known: must be true or false"],
    ["sort=price", "Parameter sort: must be one of: relevance, name, newest"],
    ["page=0", "Parameter page: must be from 1 to 200"],
    ["page=abc", "Parameter page: must be a whole number"],
    ["page=1&page=2", "Parameter page: takes only one value"],
    ["q=a&q=b", "Parameter q: takes only one value"],
    ["per_page=51", "Parameter per_page: must be from 1 to 50"],
    ["facets=county,colour", "Parameter facets: must be one of"],
    [`q=${"青".repeat(201)}`, "Parameter q: must be at most 200 characters"],
    ["township=%00x", "Parameter township: contains control characters"],
  ])("refuses %s, naming the parameter", (qs, message) => {
    expect(problemText(qs)).toContain(message);
  });

  it("names every bad parameter at once", () => {
    const text = problemText("page=0&type=x&colour=red");
    expect(text).toContain("Parameter colour");
    expect(text).toContain("Parameter page");
    expect(text).toContain("Parameter type");
  });

  it("explains problems in Chinese for the page", () => {
    expect(problemText("page=0", "zh-CN", page)).toBe("参数 page:应在 1 到 200 之间");
  });

  it("lets the page take lang and elder but not facets; the API the other way round", () => {
    expect(page("lang=en&elder=1").ok).toBe(true);
    // a plain-form shortlist button comes back to the results with its outcome (?shortlist=full), not with a 400
    expect(page("q=x&shortlist=full").ok).toBe(true);
    expect(api("shortlist=full").ok).toBe(false);
    expect(api("lang=en").ok).toBe(false);
    expect(page("facets=type").ok).toBe(false);
    expect(api("facets=type,county").ok && api("facets=type,county")).toMatchObject({ value: { facets: ["type", "county"] } });
  });

  it("builds links that keep the search and drop one filter", () => {
    const res = api("q=%E9%85%92&county=%E4%B9%90%E9%83%BD&county=%E4%BA%92%E5%8A%A9&type=gi&sort=name&page=3");
    if (!res.ok) throw new Error("parse");
    expect(searchHref(res.value, { remove: { facet: "county", value: "乐都区" } })).toBe(
      `/search?q=${encodeURIComponent("酒")}&type=gi&county=${encodeURIComponent("互助土族自治县")}&sort=name`,
    );
    expect(searchHref(res.value, { page: 4 })).toContain("page=4");
    expect(searchHref(res.value, { remove: "all" })).toBe(`/search?q=${encodeURIComponent("酒")}&sort=name`);
  });
});
