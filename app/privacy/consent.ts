import { z } from "zod";
import type { ConsentPurpose } from "../../db/schema";
import { msg } from "../domain/fields";
import type { MessageKey } from "../i18n/messages";

/**
 * The version of the consent texts and the privacy notice; recorded with every consent. Change it whenever a text
 * under `consent.*` or `privacy.*` changes in meaning, so a consent can be matched to the words the person saw.
 */
export const PRIVACY_TEXT_VERSION = "2026-12-08";

/** The box a form adds to its schema: left unticked by default, and the form is refused until it is ticked. */
export const consentField = z.literal("on", { message: msg("consent.required") });

/** What each form tells the person, beside the box: the purpose and who will see their information. */
export const CONSENT_TEXT: Record<ConsentPurpose, MessageKey> = {
  account: "consent.account",
  buyer_profile: "consent.buyerProfile",
  inquiry: "consent.inquiry",
  lead: "consent.lead",
};
