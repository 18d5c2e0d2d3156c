import { translator, type Lang } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// Every e-mail's text, in the recipient's language, from the messages of app/i18n/messages/notifications.ts. Plain
// text only: it reads the same in every mail client, and there is no HTML to sanitise. Every mail ends with the link
// to its address's preferences page (unsubscribe).

export interface MailText {
  subject: string;
  body: string;
}

export type Vars = Record<string, string | number>;

/** Subject and body of one kind of mail; `preferencesUrl` is the signed /mail-preferences link of the recipient. */
export function composeMail(lang: Lang, subjectKey: MessageKey, bodyKey: MessageKey, vars: Vars, preferencesUrl: string): MailText {
  const t = translator(lang);
  // a subject is one line: a buyer's name must not smuggle a header or a second line into it
  const subject = `[${t("site.name")}] ${t(subjectKey, vars)}`.replace(/[\r\n]+/g, " ");
  const body = [t("mail.greeting"), "", t(bodyKey, vars), "", t("mail.footer", { site: t("site.name"), url: preferencesUrl })].join("\n");
  return { subject, body };
}
