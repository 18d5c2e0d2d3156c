import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
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
  return (
    <>
      <h1>{props.title}</h1>
      <p>
        {t("producer.status")}: <span className="badge">{t(`status.${props.status}` as MessageKey)}</span>
        {props.revision && <span className="badge badge--unverified">{t(`revision.${props.revision}` as MessageKey)}</span>}
      </p>
      {props.reviewComment && <p className="notice">{t("producer.reviewComment", { comment: props.reviewComment })}</p>}
      {props.message && (
        <p className="notice" role="status">
          {t(props.message as MessageKey)}
        </p>
      )}
    </>
  );
}

export function SubmitForReviewForm() {
  const t = useT();
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
