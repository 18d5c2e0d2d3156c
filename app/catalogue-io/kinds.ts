import type { ImportKind, KindIo } from "./kind";
import { trademarksIo } from "./trademarks";

/** Every kind, in the order a whole catalogue is loaded: later kinds refer to earlier ones. */
export const KINDS: Record<ImportKind, KindIo<never>> = {
  trademarks: trademarksIo,
} as never;

export function kindIo(kind: ImportKind): KindIo<unknown> {
  return KINDS[kind] as unknown as KindIo<unknown>;
}
