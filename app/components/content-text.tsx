import { Fragment, type ReactNode } from "react";
import { useT, type Translate } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { FactPart } from "../buyers/format";

const HAN = /\p{Script=Han}/u;

/**
 * Text someone typed (a buyer's name, a unit, a message, a producer's price band): tagged lang="zh-CN" when it is
 * Chinese, so screen readers pronounce it right and the English interface does not pass it off as its own words.
 */
export function ContentText({ text, className }: { text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return HAN.test(text) ? (
    <span lang="zh-CN" className={className}>
      {text}
    </span>
  ) : className ? (
    <span className={className}>{text}</span>
  ) : (
    <>{text}</>
  );
}

/** A product fact made of interface words and Chinese content (see productFacts). */
export function FactText({ parts }: { parts: readonly FactPart[] }) {
  return (
    <>
      {parts.map((p, i) =>
        typeof p === "string" ? (
          <Fragment key={i}>{p}</Fragment>
        ) : (
          <span key={i} lang="zh-CN">
            {p.zh}
          </span>
        ),
      )}
    </>
  );
}

/** A translated sentence with elements (content in its own language, links) in place of its {placeholders}. */
export function Trans({ k, vars }: { k: MessageKey; vars: Record<string, ReactNode> }) {
  const t = useT();
  return <>{interpolate(t, k, vars)}</>;
}

export function interpolate(t: Translate, k: MessageKey, vars: Record<string, ReactNode>): ReactNode[] {
  const names = Object.keys(vars);
  const marked = t(k, Object.fromEntries(names.map((n, i) => [n, `\u0001${i}\u0001`])));
  // eslint-disable-next-line no-control-regex -- \u0001 marks the placeholders; it never occurs in a message
  return marked.split(/\u0001(\d+)\u0001/).map((part, i) => (i % 2 ? <Fragment key={i}>{vars[names[Number(part)]!]}</Fragment> : part));
}
