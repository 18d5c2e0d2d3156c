declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce: string;
    /** the client's address: the socket peer, or X-Forwarded-For's last hop when TRUST_PROXY=1 */
    clientAddress: string;
  }
}
export {};
