/**
 * Only same-site paths, judged before and after dot segments are resolved: "/x" yes; "//evil.example", "/\\evil.example", "https://…" and their encoded forms fall back to
 * the default. Browsers treat a backslash like a slash, hence the check after decoding.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to) return fallback;
  let decoded = to;
  try {
    for (let i = 0; i < 3 && decoded !== decodeURIComponent(decoded); i++) decoded = decodeURIComponent(decoded);
  } catch {
    return fallback;
  }
  // eslint-disable-next-line no-control-regex -- control characters in a redirect target are refused outright
  if (!decoded.startsWith("/") || decoded.startsWith("//") || decoded.startsWith("/\\") || /[\\\u0000-\u001f]/.test(decoded)) return fallback;
  try {
    const url = new URL(to, "http://same.invalid");
    if (url.origin !== "http://same.invalid") return fallback;
    // Checked again after normalisation: "/.//evil.example" and "/a/..//evil.example" become "//evil.example", which a
    // browser reads as another host.
    if (url.pathname.startsWith("//") || url.pathname.startsWith("/\\")) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
