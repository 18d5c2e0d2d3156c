import { createContext, useContext, type ReactNode } from "react";

// The per-request CSP nonce, available while rendering on the server; the browser never needs it after load.
const NonceContext = createContext<string>("");

export function NonceProvider({ value, children }: { value: string; children: ReactNode }) {
  return <NonceContext.Provider value={value}>{children}</NonceContext.Provider>;
}

export function useNonce() {
  return useContext(NonceContext);
}
