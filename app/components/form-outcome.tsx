import type { FormAnswer } from "../domain/form-reply";
import { translateMessage, useT } from "../i18n/i18n";

/**
 * The outcome line of a form that has no fields to show its errors next to (a button such as 核实 or 通过): the notice
 * as a status on success, otherwise every error, each named by its field, as an alert.
 */
export function FormOutcome({ answer }: { answer: FormAnswer | undefined }) {
  const t = useT();
  if (!answer) return null;
  if (answer.status !== "error") {
    return answer.notice ? (
      <p className="notice" role="status">
        {translateMessage(t, answer.notice)}
      </p>
    ) : null;
  }
  const lines = Object.entries(answer.error ?? {}).flatMap(([field, messages]) =>
    (messages ?? []).map((m) => `${field ? `${field}: ` : ""}${translateMessage(t, m)}`),
  );
  return (
    <div className="form-error" role="alert">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
