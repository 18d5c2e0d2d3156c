import type { MouseEvent } from "react";
import type { MissingItem } from "../domain/completeness";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

/**
 * Follows an in-page link to a field: scrolls it into view and puts the cursor in it (the first control of a group).
 * Without JavaScript the browser follows the #id itself; with it, Remix's scroll restoration treats the hash change
 * as a history pop and puts the page back at the top, so the jump is done here instead.
 */
function jumpToField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(decodeURIComponent(event.currentTarget.hash.slice(1)));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  const control = target.matches("input, select, textarea") ? target : target.querySelector<HTMLElement>("input, select, textarea");
  control?.focus({ preventScroll: true });
}

/** Below this share a product goes to review only after the producer confirms (issue 21). */
export const CONFIRM_SUBMIT_BELOW_PERCENT = 60;

/**
 * How complete a product is for a buyer, shown from the first visit to the form: the meter and each missing item as a
 * link to the field (or page) that supplies it, so a producer with little web experience knows where to go.
 */
export function CompletenessMeter({
  completeness,
  targets,
}: {
  completeness: { percent: number; missing: readonly MissingItem[] };
  /** where each missing item is filled in: "#field-id" or a page's path; an item without one is listed as text */
  targets: Partial<Record<MissingItem, string>>;
}) {
  const t = useT();
  return (
    <div className="meter">
      <label htmlFor="completeness">{t("producer.completeness", { percent: completeness.percent })}</label>{" "}
      <meter id="completeness" min={0} max={100} value={completeness.percent} />
      {completeness.missing.length > 0 && (
        <div>
          <p id="completeness-missing">{t("producer.missing")}</p>
          <ul className="completeness-missing" aria-labelledby="completeness-missing">
            {completeness.missing.map((m) => {
              const label = t(`missing.${m}` as MessageKey);
              const href = targets[m];
              return (
                <li key={m}>
                  {href ? (
                    <a href={href} onClick={href.startsWith("#") ? jumpToField : undefined}>
                      {label}
                    </a>
                  ) : (
                    label
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
