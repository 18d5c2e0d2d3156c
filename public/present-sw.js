// Presenter mode offline support (registered by /events/:id/present with a scope limited to that presentation).
// The page fills this presentation's cache once it has loaded (app/events/present-offline.ts, which also bounds it);
// this worker answers from the network when it can and from the cache when the venue Wi-Fi is gone. Images and built
// assets are immutable, so they are served cache-first.
// Cache names and keys repeat present-offline.ts (a plain script cannot import it): change both together.
const SCOPE = new URL(self.registration.scope).pathname.replace(/\/$/, "");
const CACHE = `haidong-present-v2:${SCOPE}`;
const LANGS = ["zh-CN", "en"];
const pageKey = (lang) => `${SCOPE}?lang=${encodeURIComponent(lang)}`;
const lastLangKey = `${SCOPE}?last-lang`;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) =>
  event.waitUntil(
    (async () => {
      // v1 was one cache for every presentation, keyed by full URL: nothing in it is read any more
      await caches.delete("haidong-present-v1");
      await self.clients.claim();
    })(),
  ),
);

/**
 * The offline copy of the presenter for any ?slide= (the page shows the slide its address asks for): the language the
 * address asks for if that copy is cached, else the language presented last, else whichever copy there is.
 */
async function cachedPage(cache, url) {
  const lastLang = await cache.match(lastLangKey);
  const wanted = [url.searchParams.get("lang"), lastLang && (await lastLang.text()), ...LANGS];
  for (const lang of wanted) {
    if (!LANGS.includes(lang)) continue;
    const hit = await cache.match(pageKey(lang));
    if (hit) return hit;
  }
  return undefined;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const immutable = url.pathname.startsWith("/images/") || url.pathname.startsWith("/assets/");
  const presenter = request.mode === "navigate" && url.pathname.replace(/\/$/, "") === SCOPE;
  if (!immutable && !presenter) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (immutable) {
        const hit = await cache.match(request);
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        // a picture the page did not cache (the screen was resized): kept until the page's next pruning
        if (response.ok && immutable) cache.put(request, response.clone());
        return response;
      } catch (error) {
        const hit = presenter ? await cachedPage(cache, url) : await cache.match(request);
        if (hit) return hit;
        throw error;
      }
    })(),
  );
});
