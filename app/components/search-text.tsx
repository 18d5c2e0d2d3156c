import { Fragment, type ReactNode } from "react";

const HAN = /\p{Script=Han}/u;

/**
 * A translated template ("去掉筛选:{label}") with React nodes for its placeholders, so that record content inside
 * interface text can carry its own `lang` (Chinese names stay lang="zh-CN" in the English interface).
 */
export function Interpolated({ template, values }: { template: string; values: Record<string, ReactNode> }) {
  const parts = template.split(/\{(\w+)\}/);
  return <>{parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{values[part] ?? `{${part}}`}</Fragment> : part))}</>;
}

/** Record text (a name, a query) marked Chinese when it is. */
export function Content({ text, lang }: { text: string; lang?: string }) {
  return <span lang={lang ?? (HAN.test(text) ? "zh-CN" : undefined)}>{text}</span>;
}
