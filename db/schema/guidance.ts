import type { Generated } from "kysely";
import type { DefaultTimestamp } from "./columns";

// Guidance beside the forms (2026_12_06_130000_guidance_texts): staff-saved texts of the guidance topics (null
// columns: the default text in app/guidance/default-texts.ts applies) and the guidance station's contact, one row.

export interface GuidanceTextsTable {
  id: Generated<number>;
  topic: string;
  title_zh: string | null;
  body_zh: string | null;
  title_en: string | null;
  body_en: string | null;
  updated_at: DefaultTimestamp;
  updated_by: number | null;
}

export interface GuidanceContactTable {
  id: Generated<number>;
  name_zh: string | null;
  name_en: string | null;
  phone: string | null;
  address_zh: string | null;
  address_en: string | null;
  hours_zh: string | null;
  hours_en: string | null;
  updated_at: DefaultTimestamp;
  updated_by: number | null;
}

export interface GuidanceTables {
  guidance_texts: GuidanceTextsTable;
  guidance_contact: GuidanceContactTable;
}
