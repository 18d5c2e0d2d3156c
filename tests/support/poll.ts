/** Polls `check` until it holds or the deadline passes (then throws naming `what`); never a fixed sleep. */
export async function pollUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
