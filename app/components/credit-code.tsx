// A 统一社会信用代码 (unified social credit code) is read and typed as one 18-character string: it never breaks across
// lines (issue 21: claim cards broke it mid-string), is not translated, and keeps its digits evenly spaced.
export function CreditCode({ code }: { code: string }) {
  return (
    <span className="credit-code" translate="no">
      {code}
    </span>
  );
}
