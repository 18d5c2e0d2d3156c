import { Link } from "@remix-run/react";
import { useT } from "../i18n/i18n";

/**
 * "询价 / 索样" for one product: a plain link (works without JavaScript) to the inquiry form with that product chosen,
 * whether or not it is on the visitor's shortlist. The product's name is read out too, since a page shows many.
 */
export function InquiryLink({
  productId,
  productName,
  className = "button button--secondary",
}: {
  productId: number;
  productName: string;
  className?: string;
}) {
  const t = useT();
  return (
    <Link to={`/shortlist/inquiry?product=${productId}`} className={className}>
      {t("lines.ask")}
      <span className="buyers-sr-only">
        : <span lang={/\p{Script=Han}/u.test(productName) ? "zh-CN" : undefined}>{productName}</span>
      </span>
    </Link>
  );
}
