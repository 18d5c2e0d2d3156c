import { Form } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { ConfirmAction } from "./confirm-action";
import { useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";

// The parts every producer edit screen (product, trademark) shares: where the record stands in review, and the button
// that sends it (or its open revision) to review.

export function RecordEditHeader(props: {
  title: string;
  status: string;
  revision: string | null;
  reviewComment: string | null;
  message: string | null | undefined;
  children?: ReactNode;
}) {
  const t = useT();
  // after 保存 at the foot of a long form the notice appears at the top: focus moves there (and the screen with it),
  // so the producer sees it was saved and a screen reader says so
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (props.message) notice.current?.focus();
  }, [props.message]);
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        {t("producer.status")}: <span className="badge">{t(`status.${props.status}` as MessageKey)}</span>
        {props.revision && <span className="badge badge--unverified">{t(`revision.${props.revision}` as MessageKey)}</span>}
      </p>
      {props.reviewComment && <p className="notice">{t("producer.reviewComment", { comment: props.reviewComment })}</p>}
      {props.message && (
        <p className="notice" role="status" tabIndex={-1} ref={notice}>
          {t(props.message as MessageKey)}
        </p>
      )}
    </>
  );
}

/** 提交审核; with `confirm`, the button first asks (a product far from complete, issue 21). */
export function SubmitForReviewForm({ confirm }: { confirm?: ReactNode } = {}) {
  const t = useT();
  if (confirm)
    return (
      <ConfirmAction label={t("producer.submit")} question={confirm} confirmLabel={t("producer.submitAnyway")} confirmClassName="button">
        <input type="hidden" name="intent" value="submit" />
      </ConfirmAction>
    );
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="submit" />
      <button type="submit" className="button button--secondary">
        {t("producer.submit")}
      </button>
    </Form>
  );
}

/** The notice after a save: published records keep their live version and save into a revision. */
export function savedMessage(saved: "saved" | "revision" | string) {
  return saved === "revision" ? ("producer.savedAsRevision" as const) : ("producer.saved" as const);
}

/** The notice after "submit for review". */
export function submittedMessage(result: string) {
  return result === "submitted" ? ("producer.submitted" as const) : ("producer.nothingToSubmit" as const);
}
