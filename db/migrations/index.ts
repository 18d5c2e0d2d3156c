import type { Migration } from "kysely";
import * as createCatalogue from "./2026_11_28_090000_create_catalogue";
import * as createAccounts from "./2026_11_28_100000_create_accounts";
import * as createBuyerMatching from "./2026_11_28_120000_create_buyer_matching";
import * as createReviewAndTrust from "./2026_11_28_110000_create_review_and_trust";
import * as createEvents from "./2026_11_28_140000_create_events";
import * as addEventLeads from "./2026_11_28_150000_add_event_leads";
import * as linkDealsToEvents from "./2026_11_28_170000_link_deals_to_events";
import * as indexForeignKeys from "./2026_11_28_180000_index_foreign_keys";
import * as consolidateThrottles from "./2026_11_28_190000_consolidate_throttles";
import * as fairDayLeadsAndBooths from "./2026_12_05_100000_fair_day_leads_and_booths";
import * as eventSchedule from "./2026_12_06_100000_event_schedule";
import * as productRecycleBin from "./2026_12_06_110000_product_recycle_bin";
import * as authorisationRenewals from "./2026_12_06_120000_authorisation_renewals";
import * as guidanceTexts from "./2026_12_06_130000_guidance_texts";
import * as officialFigures from "./2026_12_06_140000_official_figures";
import * as referenceTextsInBothLanguages from "./2026_12_06_150000_reference_texts_in_both_languages";
import * as claimEvidence from "./2026_12_06_160000_claim_evidence";
import * as regionalBrandCounties from "./2026_12_07_100000_regional_brand_counties";
import * as referenceTextsChineseFacts from "./2026_12_07_110000_reference_texts_chinese_facts";
import * as searchTable from "./2026_12_07_120000_search_table";
import * as buyerAccounts from "./2026_12_08_100000_buyer_accounts";
import * as personalInformation from "./2026_12_08_110000_personal_information";
import * as reindexForBuyerRanking from "./2026_12_07_130000_reindex_for_buyer_ranking";
import * as mailQueueAndNotifications from "./2026_12_08_200000_mail_queue_and_notifications";
import * as inquiryLines from "./2026_12_08_300000_inquiry_lines";

// Listed explicitly (not read from disk) so the same files run from tsx, the Vite-built server and tests alike.
export const migrations: Record<string, Migration> = {
  "2026_11_28_090000_create_catalogue": createCatalogue,
  "2026_11_28_100000_create_accounts": createAccounts,
  "2026_11_28_120000_create_buyer_matching": createBuyerMatching,
  "2026_11_28_110000_create_review_and_trust": createReviewAndTrust,
  "2026_11_28_140000_create_events": createEvents,
  "2026_11_28_150000_add_event_leads": addEventLeads,
  "2026_11_28_170000_link_deals_to_events": linkDealsToEvents,
  "2026_11_28_180000_index_foreign_keys": indexForeignKeys,
  "2026_11_28_190000_consolidate_throttles": consolidateThrottles,
  "2026_12_05_100000_fair_day_leads_and_booths": fairDayLeadsAndBooths,
  "2026_12_06_100000_event_schedule": eventSchedule,
  "2026_12_06_110000_product_recycle_bin": productRecycleBin,
  "2026_12_06_120000_authorisation_renewals": authorisationRenewals,
  "2026_12_06_130000_guidance_texts": guidanceTexts,
  "2026_12_06_140000_official_figures": officialFigures,
  "2026_12_06_150000_reference_texts_in_both_languages": referenceTextsInBothLanguages,
  "2026_12_06_160000_claim_evidence": claimEvidence,
  "2026_12_07_100000_regional_brand_counties": regionalBrandCounties,
  "2026_12_07_110000_reference_texts_chinese_facts": referenceTextsChineseFacts,
  "2026_12_07_120000_search_table": searchTable,
  "2026_12_07_130000_reindex_for_buyer_ranking": reindexForBuyerRanking,
  "2026_12_08_100000_buyer_accounts": buyerAccounts,
  "2026_12_08_110000_personal_information": personalInformation,
  "2026_12_08_200000_mail_queue_and_notifications": mailQueueAndNotifications,
  "2026_12_08_300000_inquiry_lines": inquiryLines,
};
