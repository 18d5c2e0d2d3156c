import { useNonce } from "../lib/nonce";

// schema.org data for search engines, rendered so that no stored text can end the <script> element or start markup:
// <, > and & become \u003c \u003e \u0026 (still the same JSON string values), and U+2028/U+2029, which JSON allows
// but older JavaScript parsers treat as line ends, are escaped too. It carries the CSP nonce like every script.

const UNSAFE = /[<>&\u2028\u2029]/g;

export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function JsonLd({ data }: { data: Record<string, unknown> | null | undefined }) {
  const nonce = useNonce();
  if (!data) return null;
  return <script type="application/ld+json" nonce={nonce || undefined} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
