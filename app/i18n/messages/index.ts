import * as auth from "./auth";
import * as buyers from "./buyers";
import * as buyerHome from "./buyer-home";
import * as privacy from "./privacy";
import * as catalogue from "./catalogue";
import * as common from "./common";
import * as eventLeads from "./event-leads";
import * as eventPage from "./event-page";
import * as fairReport from "./fair-report";
import * as giRegister from "./gi-register";
import * as evidence from "./evidence";
import * as guidance from "./guidance";
import * as http from "./http";
import * as events from "./events";
import * as exhibitorImport from "./exhibitor-import";
import * as importMessages from "./import";
import * as notifications from "./notifications";
import * as inquiryLines from "./inquiry-lines";
import * as producer from "./producer";
import * as records from "./records";
import * as search from "./search";
import * as staff from "./staff";
import * as staffAdmin from "./staff-admin";
import * as stats from "./stats";
import * as statsOfficial from "./stats-official";
import * as trust from "./trust";
import * as validation from "./validation";

// One file per area keeps zh-CN and English side by side; add an area here when you add a file.
export const zhCN = {
  ...common.zh,
  ...catalogue.zh,
  ...search.zh,
  ...records.zh,
  ...auth.zh,
  ...producer.zh,
  ...validation.zh,
  ...importMessages.zh,
  ...buyers.zh,
  ...staff.zh,
  ...staffAdmin.zh,
  ...trust.zh,
  ...stats.zh,
  ...statsOfficial.zh,
  ...events.zh,
  ...exhibitorImport.zh,
  ...eventLeads.zh,
  ...eventPage.zh,
  ...fairReport.zh,
  ...http.zh,
  ...giRegister.zh,
  ...evidence.zh,
  ...guidance.zh,
  ...buyerHome.zh,
  ...privacy.zh,
  ...notifications.zh,
  ...inquiryLines.zh,
};
export type MessageKey = keyof typeof zhCN;
export const en: Record<MessageKey, string> = {
  ...common.en,
  ...catalogue.en,
  ...search.en,
  ...records.en,
  ...auth.en,
  ...producer.en,
  ...validation.en,
  ...importMessages.en,
  ...buyers.en,
  ...staff.en,
  ...staffAdmin.en,
  ...trust.en,
  ...stats.en,
  ...statsOfficial.en,
  ...events.en,
  ...exhibitorImport.en,
  ...eventLeads.en,
  ...eventPage.en,
  ...fairReport.en,
  ...http.en,
  ...giRegister.en,
  ...evidence.en,
  ...guidance.en,
  ...buyerHome.en,
  ...privacy.en,
  ...notifications.en,
  ...inquiryLines.en,
};
