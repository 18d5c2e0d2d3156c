import type { Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// The one status badge (staff queues, accounts, inquiries): a text label, with colour as a second cue only, so the
// status reads the same to a screen reader, in elder mode and in print.

export type BadgeTone = "plain" | "warn" | "good";

const TONE_CLASS: Record<BadgeTone, string> = { plain: "badge", warn: "badge badge--unverified", good: "badge badge--gi" };

export function StatusBadge({ label, tone = "plain" }: { label: string; tone?: BadgeTone }) {
  return <span className={TONE_CLASS[tone]}>{label}</span>;
}

/** An inquiry's status as badge props (`<StatusBadge {...inquiryBadge(t, s)} />`): a new one wants attention, a quote is good news. */
export function inquiryBadge(t: Translate, status: string): { label: string; tone: BadgeTone } {
  return {
    label: t(`inquiryStatus.${status}` as MessageKey),
    tone: status === "new" || status === "held" ? "warn" : status === "quoted" || status === "deal" ? "good" : "plain",
  };
}
