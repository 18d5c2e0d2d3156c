declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** the client's address: the socket peer, or X-Forwarded-For's last hop when TRUST_PROXY=1 */
    clientAddress: string;
    /** marks the response as "database unavailable": a 500 then goes out as 503 with Retry-After (server/http.ts) */
    databaseUnavailable(): void;
  }
}
export {};
