export function verifyUrl(origin: string, creditCode: string) {
  return `${origin}/verify?code=${encodeURIComponent(creditCode)}`;
}
