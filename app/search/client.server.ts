import { Meilisearch } from "meilisearch";

export interface SearchContext {
  client: Meilisearch;
  /** Live index name (prefix + "catalog"); a rebuild goes to another name and is swapped in. */
  indexName: string;
}

/**
 * The client asks for identity encoding (Node's fetch otherwise asks for gzip, which cost ~45 ms per call against a
 * local server) and gives up after `timeoutMs`, so a slow search server degrades the page instead of hanging it.
 */
export function createSearchContext(options: { url: string; key?: string; prefix?: string; timeoutMs?: number }): SearchContext {
  const client = new Meilisearch({
    host: options.url,
    apiKey: options.key,
    timeout: options.timeoutMs ?? 1000,
    requestInit: { headers: { "accept-encoding": "identity" } },
  });
  return { client, indexName: `${options.prefix ?? ""}catalog` };
}
