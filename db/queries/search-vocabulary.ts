import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";

export interface VocabularyName {
  type: "gi" | "regional_brand" | "trademark" | "county";
  name_zh: string;
  name_en: string | null;
}

/**
 * The names did-you-mean offers (app/search/did-you-mean.server.ts): published real GI products, regional brands and
 * trademarks, and the counties. Official records first; bounded, as a catalogue far past the plan's scale holds tens
 * of thousands of trademarks and the list is kept in every server's memory.
 */
export async function suggestionVocabulary(db: Kysely<Database>, limit = 5000): Promise<VocabularyName[]> {
  const rows = await sql<VocabularyName>`
    select type, name_zh, name_en from (
      select 'gi' as type, name_zh, name_en, 0 as kind from gi_products where status = 'published' and not is_sample
      union all
      select 'regional_brand', name_zh, name_en, 1 from regional_brands where status = 'published' and not is_sample
      union all
      select 'county', coalesce(short_zh, name_zh), name_en, 2 from places where kind = 'county'
      union all
      select 'trademark', name_zh, name_en, 3 from trademarks where status = 'published' and not is_sample
    ) names
    order by kind, name_zh
    limit ${limit}`.execute(db);
  return rows.rows;
}
