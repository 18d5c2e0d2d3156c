import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

/**
 * A destructive action that asks first, with or without JavaScript: the button opens a small panel (a native
 * details/summary, so keyboards and screen readers know it expands) that says what will happen and holds the real
 * submit button. One stray tap can no longer remove an exhibitor or delete a record.
 */
export function ConfirmAction(props: {
  /** the visible label of the first button, e.g. 移除 */
  label: string;
  /** its accessible name when the label alone is ambiguous in a list, e.g. 移除:某合作社 */
  name?: string;
  /** what will happen, in a sentence (a node, so a record's name inside keeps its own lang) */
  question: ReactNode;
  /** the label of the button that does it */
  confirmLabel: ReactNode;
  /** hidden inputs (intent, id) */
  children: ReactNode;
  /** the route that answers, when not the current page's (deleting a product posts to its recycle bin) */
  action?: string;
  /** "danger" outlines the first button in red too: for deleting a whole record, set apart from the page's other actions */
  tone?: "danger";
  /** the confirming button's look: danger (default) for removal, primary for a step that only deserves a second look */
  confirmClassName?: string;
}) {
  return (
    <details className="confirm-action">
      <summary className={props.tone === "danger" ? "button button--secondary button--danger-outline" : "button button--secondary"} aria-label={props.name}>
        {props.label}
      </summary>
      <Form method="post" action={props.action} className="confirm-action__panel">
        {props.children}
        <p>{props.question}</p>
        <button type="submit" className={props.confirmClassName ?? "button button--danger"}>
          {/* one box: a label made of text and a name must wrap as a sentence, not as flex columns */}
          <span>{props.confirmLabel}</span>
        </button>
      </Form>
    </details>
  );
}
