import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireProducer } from "../auth/guards.server";
import { FormOutcome } from "../components/form-outcome";
import { ScrollableTable } from "../components/scrollable-table";
import { noticeReply, type FormAnswer } from "../domain/form-reply";
import { msg } from "../domain/message";
import { metaTranslator, useT } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { notFound } from "../lib/route-params";
import { binnedProducts, binOwnProduct, restoreOwnProduct } from "../../db/queries/product-bin";
import { db } from "../services.server";

// The producer's recycle bin (issue 21). 删除 on a product's page posts here (intent "bin") after asking; the answer
// says where the product went and offers to undo at once. Binned products wait here 30 days with 恢复, then the
// housekeeping job (db/queries/product-bin.ts) deletes them for good.

const binSchema = z.object({ intent: z.enum(["bin", "restore"]), id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** The answer, with the product it was about (the undo button after binning, the link back after restoring). */
export type BinAnswer = FormAnswer & { product?: { id: number; name: string } };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireProducer(request);
  return { products: await binnedProducts(db(), user.organization_id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireProducer(request);
  const parsed = binSchema.safeParse(Object.fromEntries(await request.formData()));
  // another organisation's id, a live product restored twice, a forged form: all simply find nothing
  if (!parsed.success) notFound();
  const { intent, id } = parsed.data;
  if (intent === "bin") {
    const binned = await db()
      .transaction()
      .execute((trx) => binOwnProduct(trx, user.organization_id, id));
    if (!binned) notFound();
    return data<BinAnswer>({ ...noticeReply(msg("producer.binned")), form: "bin", product: { id, name: binned.name_zh } });
  }
  const restored = await db()
    .transaction()
    .execute((trx) => restoreOwnProduct(trx, user.organization_id, id));
  if (!restored) notFound();
  return data<BinAnswer>({ ...noticeReply(msg("producer.restored")), form: "restore", product: { id, name: restored.name_zh } });
}

export default function ProductBin() {
  const { products } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  return (
    <section>
      <h1>{t("producer.bin")}</h1>
      <p>{t("producer.binIntro")}</p>
      {answer && (
        <div className="bin-outcome">
          <FormOutcome answer={answer} />
          {answer.form === "bin" && answer.product && (
            <Form method="post">
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="id" value={answer.product.id} />
              <button type="submit" className="button" aria-label={t("producer.undoName", { name: answer.product.name })}>
                {t("producer.undo")}
              </button>
            </Form>
          )}
          {answer.form === "restore" && answer.product && (
            <p>
              <Link to={`/producer/products/${answer.product.id}`} lang="zh-CN">
                {answer.product.name}
              </Link>
            </p>
          )}
        </div>
      )}
      {products.length === 0 ? (
        <p>{t("producer.binEmpty")}</p>
      ) : (
        <ScrollableTable labelledBy="bin-caption">
          <table className="status-table">
            <caption id="bin-caption">{t("producer.binCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("record.product")}</th>
                <th scope="col">{t("producer.binStatusBefore")}</th>
                <th scope="col">{t("producer.binDeletedAt")}</th>
                <th scope="col">{t("producer.binDaysLeft")}</th>
                <th scope="col">{t("producer.restore")}</th>
              </tr>
            </thead>
            <tbody>
              {products.map((p) => (
                <tr key={p.id}>
                  <th scope="row" lang="zh-CN">
                    {p.name_zh}
                  </th>
                  <td>{p.status_before_delete ? t(`status.${p.status_before_delete}` as MessageKey) : ""}</td>
                  <td>{p.deleted_on}</td>
                  <td>{t("producer.binDaysLeftValue", { days: p.days_left, date: p.purged_on })}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="id" value={p.id} />
                      <button type="submit" className="button button--secondary" aria-label={t("producer.restoreName", { name: p.name_zh })}>
                        {t("producer.restore")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
      <p>
        <Link to="/producer">{t("producer.backToDashboard")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("producer.bin")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
