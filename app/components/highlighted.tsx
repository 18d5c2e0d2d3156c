import { highlightSegments } from "../search/highlight";

/** Renders search-highlighted text as React text nodes plus <mark>: stored markup can never become HTML. */
export function Highlighted({ marked, plain }: { marked?: string; plain: string }) {
  if (!marked) return <>{plain}</>;
  return <>{highlightSegments(marked).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
