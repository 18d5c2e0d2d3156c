import type { ReactNode } from "react";

// Wide tables scroll sideways inside their box on a phone. The box is the scroll container, so keyboard users must be
// able to focus it (tabIndex 0) and screen readers must hear what it is (a named region) — axe's
// scrollable-region-focusable and region-name rules. Name it by the table's caption id or, without a caption, a label.

type Name = { labelledBy: string; label?: never } | { label: string; labelledBy?: never };

export function ScrollableTable({ children, ...name }: Name & { children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={name.labelledBy} aria-label={name.label} tabIndex={0}>
      {children}
    </div>
  );
}
