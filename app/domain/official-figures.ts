import { z } from "zod";
import { httpUrl, msg, optional, plainNumber, recordId, requiredText } from "./fields";
import { todayInChina } from "../platform/china-time";

// The city's official figures that staff enter per year (/staff/figures), shown on /stats beside the catalogue's own
// count (decision 032). The metric codes are stored in official_figures.metric; each names the catalogue count it is
// set beside. Safe for the browser bundle: the staff form checks with the same schema.

export const OFFICIAL_METRICS = [
  "valid_trademarks",
  "well_known_marks",
  "provincial_famous_marks",
  "gi_certification_marks",
  "agricultural_gis",
  "gi_protected_products",
  "gi_users",
] as const;
export type OfficialMetric = (typeof OFFICIAL_METRICS)[number];

export function isOfficialMetric(code: string): code is OfficialMetric {
  return (OFFICIAL_METRICS as readonly string[]).includes(code);
}

export const FIRST_YEAR = 2000;

/** A figure is for a year that has begun in China: no figures for years to come. */
function latestYear() {
  return Number(todayInChina().slice(0, 4));
}

const yearMessage = () => msg("official.yearRange", { min: FIRST_YEAR, max: latestYear() });
const countMessage = msg("official.wholeNumber");

export const officialFigureSchema = z.object({
  metric: z.enum(OFFICIAL_METRICS, { message: msg("validation.noSuchChoice") }),
  year: plainNumber(
    z
      .number({ message: yearMessage() })
      .int(yearMessage())
      .refine((y) => y >= FIRST_YEAR && y <= latestYear(), { message: yearMessage() }),
  ),
  value: plainNumber(z.number({ message: countMessage }).int(countMessage).min(0, countMessage).max(2_000_000_000, countMessage)),
  source_text: requiredText(300),
  // the source a reader can open must be the publisher's own secure page
  source_url: optional(httpUrl.refine((u) => u.startsWith("https://"), { message: msg("official.httpsOnly") })),
});

export type OfficialFigureInput = z.infer<typeof officialFigureSchema>;

export const deleteOfficialFigureSchema = z.object({ id: recordId() });
