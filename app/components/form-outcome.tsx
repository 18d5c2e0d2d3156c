import type { FormAnswer } from "../domain/form-reply";
import { translateMessage, useT, withoutRequiredMark } from "../i18n/i18n";

/**
 * The outcome line of a form that has no fields to show its errors next to (a button such as 核实 or 通过): the notice
 * as a status on success, otherwise every error as an alert, named by its field's label where the form gives one (a
 * field's code, such as `file`, is never shown: the messages themselves say what is wrong).
 */
export function FormOutcome({ answer, labels = {} }: { answer: FormAnswer | undefined; labels?: Record<string, string> }) {
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
    (messages ?? []).map((m) => `${labels[field] ? `${withoutRequiredMark(labels[field])}: ` : ""}${translateMessage(t, m)}`),
  );
  return (
    <div className="form-error" role="alert">
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  );
}
