// Presenter mode offline support (registered by /events/:id/present with a scope limited to that presentation).
// The page itself fills the cache once it has loaded; this worker answers from the network when it can and from the
// cache when the venue Wi-Fi is gone. Images and built assets are immutable, so they are served cache-first.
const CACHE = "haidong-present-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const immutable = url.pathname.startsWith("/images/") || url.pathname.startsWith("/assets/");
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      if (immutable) {
        const hit = await cache.match(request);
        if (hit) return hit;
      }
      try {
        const response = await fetch(request);
        if (response.ok && (immutable || request.mode === "navigate")) cache.put(request, response.clone());
        return response;
      } catch (error) {
        const hit = (await cache.match(request)) ?? (await cache.match(url.pathname + url.search)) ?? (await cache.match(url.pathname));
        if (hit) return hit;
        throw error;
      }
    })(),
  );
});
