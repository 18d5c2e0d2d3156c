import { describe, expect, it } from "vitest";
import reference from "./haidong.json" with { type: "json" };
import { assess, REFERENCE_FIGURES, type ReferenceOverlay } from "./reference-figures";

// The overlay is keyed by haidong.json's metric text: a typo would silently drop a figure from /stats.
const overlays = Object.entries(REFERENCE_FIGURES) as [string, ReferenceOverlay][];

describe("the reference-figure overlay", () => {
  it("names only metrics of the reference file, and a number (or a named sub-figure that is a number) for each", () => {
    for (const [key, o] of overlays) {
      const figure = reference.figures.find((f) => f.metric === o.metric);
      expect(figure, key).toBeDefined();
      const value: unknown = o.pick ? (figure!.value as Record<string, unknown>)[o.pick] : figure!.value;
      expect(typeof value, key).toBe("number");
    }
  });

  it("gives every figure a distinct label in each language", () => {
    for (const lang of ["zh", "en"] as const) {
      const labels = overlays.map(([, o]) => o.label[lang]);
      expect(new Set(labels).size, lang).toBe(labels.length);
    }
  });

  it("writes the Chinese texts without English words and the English texts without Chinese", () => {
    for (const [key, o] of overlays) {
      for (const text of [o.label, o.asOf, ...(o.reason ? [o.reason] : []), ...o.sources.map((s) => s.publisher)]) {
        // a site's own name (ht.cn, reportify.ai) may stand in Chinese text; English words may not
        expect(text.zh.replace(/[a-z0-9.-]+\.(cn|com|ai)\b/gi, ""), key).not.toMatch(/[A-Za-z]{2,}/);
        expect(text.en, key).not.toMatch(/\p{Script=Han}/u);
      }
    }
  });

  it("supports a figure only with official or news sources, and says why any figure below high confidence is", () => {
    for (const [key, o] of overlays) {
      const supported = o.sources.map(assess).filter((s) => s.supports);
      if (o.confidence === "high") expect(supported.length, key).toBeGreaterThan(0);
      else expect(o.reason, key).not.toBeNull();
      for (const s of o.sources) {
        if (s.kind === "translation_ai" || s.kind === "mirror") expect(assess(s).supports, key).toBe(false);
      }
    }
  });
});
