import { useEffect, useState } from "react";
import type { Lang } from "../i18n/i18n";

// The presenter's offline copy (issue 19: the venue Wi-Fi goes, and fair staff reopen the presenter at ?slide=N).
// public/present-sw.js answers from this cache; the key formats below are repeated there (a plain script in public/
// cannot import them), so change both together.

/** One cache per presentation, so pruning one presentation's pictures never touches another's. */
export function presentCacheName(scope: string) {
  return `haidong-present-v2:${scope}`;
}

/** The page is stored once per language, without ?slide=: any slide is shown from the same copy. */
export function presentPageKey(scope: string, lang: string) {
  return `${scope}?lang=${encodeURIComponent(lang)}`;
}

/** Which language was presented last: offline, a URL without ?lang= opens in that one. */
export function presentLastLangKey(scope: string) {
  return `${scope}?last-lang`;
}

/** The slide ?slide=N asks for (1-based in the URL), kept inside the presentation; the first slide otherwise. */
export function slideIndex(search: string, total: number) {
  const n = Number(new URLSearchParams(search).get("slide")) || 1;
  return Math.max(0, Math.min(total - 1, n - 1));
}

function loaded(img: HTMLImageElement) {
  if (img.complete) return Promise.resolve();
  return new Promise<void>((resolve) => {
    img.addEventListener("load", () => resolve(), { once: true });
    img.addEventListener("error", () => resolve(), { once: true });
  });
}

/** Whether the file is in the cache, fetching it into the cache if it is not (false offline or on an error). */
async function inCache(cache: Cache, url: string) {
  if (await cache.match(url)) return true;
  return cache.add(url).then(
    () => true,
    () => false,
  );
}

/**
 * Registers the presentation's service worker and fills its cache: this language's page, the built assets, and the one
 * picture file each slide's srcset picked at this screen size. Pictures and assets cached before that this load does
 * not use (another screen size, a slide since removed, an old build) are deleted, so the cache holds at most two
 * pages, one build and one picture per slide. Returns whether the cache is filled.
 */
export function useOfflinePresentation(eventId: number, lang: Lang) {
  const [cached, setCached] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !("caches" in window)) return;
    let cancelled = false;
    const scope = `/events/${eventId}/present`;
    (async () => {
      await navigator.serviceWorker.register("/present-sw.js", { scope });
      const cache = await caches.open(presentCacheName(scope));
      const page = new URL(window.location.href);
      page.searchParams.delete("slide");
      page.searchParams.set("lang", lang);
      // offline (the page came from this cache) the copy already there stays, and the pictures below are still checked
      const response = await fetch(page.pathname + page.search, { credentials: "same-origin" }).catch(() => undefined);
      if (response?.ok && !response.redirected) {
        await cache.put(presentPageKey(scope, lang), response);
        await cache.put(presentLastLangKey(scope), new Response(lang));
      }
      // hidden slides load their pictures too (eager): once loaded, currentSrc is the variant srcset picked here
      const images = Array.from(document.querySelectorAll<HTMLImageElement>(".slide-photo img"));
      await Promise.all(images.map(loaded));
      const keep = new Set(images.map((img) => new URL(img.currentSrc || img.src, window.location.href).pathname));
      for (const entry of performance.getEntriesByType("resource")) {
        const u = new URL(entry.name);
        if (u.origin === window.location.origin && /\.(js|css|woff2?)$/.test(u.pathname)) keep.add(u.pathname);
      }
      const hits = await Promise.all([...keep].map((u) => inCache(cache, u)));
      // pruned only online: offline, what this load could not use may still be the only copy there is
      if (response?.ok) {
        for (const request of await cache.keys()) {
          const path = new URL(request.url).pathname;
          if ((path.startsWith("/images/") || path.startsWith("/assets/")) && !keep.has(path)) await cache.delete(request);
        }
      }
      // "works offline" only when every file this screen shows is in the cache
      if (!cancelled) setCached(hits.every(Boolean));
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [eventId, lang]);
  return cached;
}
