import { useT } from "../i18n/i18n";

// A record's sources as the reference data writes them: "URL (what it is, and its date)" or plain text. Each becomes a
// link (http(s) only, marked external and nofollow: the catalogue cites these pages, it does not vouch for them) with
// its description beside it, so a reader sees where a fact comes from and how old it is.

export function parseSource(source: string): { url: string | null; host: string | null; description: string } {
  const match = /^(https?:\/\/\S+)\s*(.*)$/.exec(source.trim());
  if (!match) return { url: null, host: null, description: source.trim() };
  const url = match[1] ?? "";
  const rest = match[2] ?? "";
  let host: string | null = null;
  try {
    host = new URL(url).host;
  } catch {
    return { url: null, host: null, description: source.trim() };
  }
  return { url, host, description: rest.replace(/^\((.*)\)$/s, "$1").trim() };
}

export function SourceList({ sources }: { sources: readonly string[] }) {
  const t = useT();
  if (sources.length === 0) return null;
  return (
    <section>
      <h2>{t("gi.sources")}</h2>
      <ul className="sources">
        {sources.map((s) => {
          const { url, host, description } = parseSource(s);
          return (
            <li key={s}>
              {url && (
                <a href={url} rel="external nofollow noopener noreferrer">
                  {host}
                </a>
              )}
              {url && description && " — "}
              {description && <span lang="zh-CN">{description}</span>}
            </li>
          );
        })}
      </ul>
      <p className="muted">{t("gi.sourcesNote")}</p>
    </section>
  );
}
