import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt (memory-hard, in node:crypto) at OWASP's current minimum: N=2^17, r=8, p=1, i.e. 128 MiB and a few hundred
// ms per hash. Parameters are stored with the hash ("scrypt$logN$r$p$salt$key"), so a hash made with older, weaker
// parameters still verifies with its own, and sign-in re-hashes it with these (`needsRehash`).
export const PARAMS = { logN: 17, r: 8, p: 1, keyLength: 32 };

// Stored parameters above these are refused rather than run: a tampered hash must not make a sign-in allocate GBs.
const MAX_LOG_N = 20;
const MAX_R = 16;
const MAX_P = 4;

// Memory scrypt needs is 128·N·r·p bytes; Node refuses to run above `maxmem` (default 32 MiB), so it is passed
// explicitly with some headroom. At most HASH_CONCURRENCY hashes run at once (each holds 128 MiB, on 2 cores): a burst
// of sign-ins queues here instead of taking the libuv pool and the process's memory.
const HASH_CONCURRENCY = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASH_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // hand the slot straight to the next waiter, so `running` never drops below the work in flight
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function scrypt(password: string, salt: Buffer, keyLength: number, params: { logN: number; r: number; p: number }): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 16 * 1024 * 1024 };
  return limited(
    () =>
      new Promise((resolve, reject) => scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export async function hashPassword(password: string, params = PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params.keyLength, params);
  return ["scrypt", params.logN, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

function parse(stored: string) {
  const [scheme, logN, r, p, salt, key] = stored.split("$");
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (scheme !== "scrypt" || !salt || !key) return undefined;
  if (![params.logN, params.r, params.p].every((n) => Number.isInteger(n) && n >= 1)) return undefined;
  if (params.logN > MAX_LOG_N || params.r > MAX_R || params.p > MAX_P) return undefined;
  return { params, salt: Buffer.from(salt, "base64"), key: Buffer.from(key, "base64") };
}

/** Checks a password against a stored hash, with the parameters stored in it. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await scrypt(password, parsed.salt, parsed.key.length, parsed.params);
  return timingSafeEqual(actual, parsed.key);
}

/** Whether a stored hash was made with weaker parameters than today's, so a successful sign-in should re-hash it. */
export function needsRehash(stored: string): boolean {
  const parsed = parse(stored);
  if (!parsed) return true;
  const { logN, r, p } = parsed.params;
  return logN < PARAMS.logN || r < PARAMS.r || p < PARAMS.p || parsed.key.length < PARAMS.keyLength;
}

/** A hash to compare against when the account does not exist, so timing does not reveal which accounts exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash() {
  dummyHash ??= hashPassword(randomBytes(12).toString("hex"));
  return dummyHash;
}

export { MIN_PASSWORD_LENGTH, passwordProblem, type PasswordProblem } from "./password-rules";
