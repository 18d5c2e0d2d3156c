import { validateOnSubmit } from "../components/form-validation";
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireProducer } from "../auth/guards.server";
import { Picture } from "../components/picture";
import { FormActions, TextField } from "../components/form";
import { msg } from "../domain/fields";
import { PICTURE_REF, pictureAltEditSchema, pictureAltSchema, type PictureAltEdit } from "../domain/picture-alt";
import { metaTranslator, translateMessage, useT } from "../i18n/i18n";
import { ImageRejected } from "../images/pipeline.server";
import { removeUnreferencedPictures, savePicture } from "../images/picture-flow.server";
import { imageStorage } from "../images/storage.server";
import { parseImageUpload, UploadRejected } from "../images/upload.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { getOwnProduct } from "../../db/queries/producer-products";
import { changeProductPictures, productPictures, type PictureChange } from "../../db/queries/product-pictures";
import { db } from "../services.server";
import { savedMessage } from "../components/record-edit";
import { FormOutcome } from "../components/form-outcome";
import { errorsReply, fieldErrorReply, noticeReply, type FormAnswer, type FormReply } from "../domain/form-reply";
import { useEffect, useRef, useState } from "react";

const manageSchema = z.object({ intent: z.enum(["delete", "up", "down"]), ref: z.string().regex(PICTURE_REF, msg("validation.required")) });

async function ownProductOr404(request: Request, rawId: string | undefined) {
  const user = await requireProducer(request);
  const product = await getOwnProduct(db(), user.organization_id, recordIdOr404(rawId));
  if (!product) notFound();
  return { user, product };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { product } = await ownProductOr404(request, params.id);
  const { pending, pictures } = await productPictures(db(), product.id);
  return { product: { id: product.id, name_zh: product.name_zh, published: product.status === "published" }, pending, images: pictures };
}

// Answers name the form they belong to: "upload", "manage" (delete/move) or "alt-<ref>" (one picture's descriptions).
const answer = (form: string, reply: FormReply): FormAnswer => ({ ...reply, form });
const uploadFailed = (byField: Record<string, string>, status: number) =>
  data(answer("upload", errorsReply(Object.fromEntries(Object.entries(byField).map(([k, v]) => [k, [v]])))), { status });

/** Applies one picture change in a transaction, then removes files nothing uses any more. */
async function change(user: { id: number; organization_id: number }, productId: number, what: PictureChange) {
  const done = await db()
    .transaction()
    .execute((trx) => changeProductPictures(trx, user.organization_id, productId, user.id, what));
  if (done.result === "not_found") notFound();
  await removeUnreferencedPictures(db(), imageStorage(), done.discarded);
  return done.result;
}

export async function action({ request, params }: ActionFunctionArgs) {
  // ownership is checked before a single byte of the upload is read
  const { user, product } = await ownProductOr404(request, params.id);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const formData = await request.formData();
    if (formData.get("intent") === "alt") {
      const ref = String(formData.get("ref") ?? "");
      // a ref that names no picture shape is a forged request, not a typing mistake: nothing to show it next to
      if (!PICTURE_REF.test(ref)) notFound();
      const submission = parseWithZod(formData, { schema: pictureAltEditSchema });
      if (submission.status !== "success") return data(answer(`alt-${ref}`, submission.reply()), { status: 400 });
      const { alt_zh, alt_en } = submission.value;
      const done = await change(user, product.id, { kind: "alt", ref, alt_zh, alt_en });
      return data(answer(`alt-${ref}`, noticeReply(savedMessage(done), submission.reply())));
    }
    const parsed = manageSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data(answer("manage", fieldErrorReply([], { formErrors: ["validation.required"] })), { status: 400 });
    const { intent, ref } = parsed.data;
    const done = await change(user, product.id, intent === "delete" ? { kind: "delete", ref } : { kind: "move", ref, direction: intent === "up" ? -1 : 1 });
    return data(answer("manage", noticeReply(savedMessage(done))));
  }

  let upload: Awaited<ReturnType<typeof parseImageUpload>>;
  try {
    upload = await parseImageUpload(request);
  } catch (e) {
    if (e instanceof UploadRejected) return uploadFailed({ file: `image.${e.problem === "badRequest" ? "missingFile" : e.problem}` }, e.status);
    throw e;
  }
  const errors: Record<string, string> = {};
  const alt = pictureAltSchema.safeParse(upload.fields);
  if (!alt.success) for (const issue of alt.error.issues) errors[String(issue.path[0])] = issue.message;
  if (!upload.file) errors.file = "image.missingFile";
  if (Object.keys(errors).length) return uploadFailed(errors, 400);

  let done: Awaited<ReturnType<typeof changeProductPictures>>;
  try {
    done = await savePicture(db(), imageStorage(), upload.file!, async (trx, picture) => {
      const changed = await changeProductPictures(trx, user.organization_id, product.id, user.id, {
        kind: "add",
        picture: { ...picture!, alt_zh: alt.data!.alt_zh, alt_en: alt.data!.alt_en },
      });
      // thrown inside the transaction, so the picture flow removes the files this upload left
      if (changed.result === "not_found") notFound();
      return changed;
    });
  } catch (e) {
    if (e instanceof ImageRejected) return uploadFailed({ file: `image.${e.problem}` }, 422);
    throw e;
  }
  await removeUnreferencedPictures(db(), imageStorage(), "discarded" in done ? done.discarded : []);
  return data(answer("upload", noticeReply(done.result === "revision" ? "image.uploadedForReview" : "image.uploaded")));
}

/** Changes one picture's description after upload; a published product's change waits for review like the others. */
function AltForm({
  picture,
  n,
  lastResult,
}: {
  picture: { ref: string; alt_zh: string; alt_en: string | null };
  n: number;
  lastResult?: SubmissionResult<string[]>;
}) {
  const t = useT();
  const [form, fields] = useForm<PictureAltEdit>({
    id: `alt-${picture.ref}`,
    lastResult,
    defaultValue: { alt_zh: picture.alt_zh, alt_en: picture.alt_en ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: pictureAltEditSchema }),
    ...validateOnSubmit,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="image-alt-form">
      <input type="hidden" name="intent" value="alt" />
      <input type="hidden" name="ref" value={picture.ref} />
      <TextField meta={fields.alt_zh} label={t("image.altZhOf", { n })} lang="zh-CN" />
      <TextField meta={fields.alt_en} label={t("image.altEnOf", { n })} lang="en" />
      <FormActions>
        <button type="submit" className="button button--secondary">
          {t("image.saveAlt")}
        </button>
      </FormActions>
    </Form>
  );
}

export default function ProductImages() {
  const { product, pending, images } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const errors: Record<string, string | undefined> =
    result?.form === "upload" && result.status === "error" ? Object.fromEntries(Object.entries(result.error ?? {}).map(([k, v]) => [k, v?.[0]])) : {};
  const fieldError = (name: string) =>
    errors[name] ? (
      <p id={`${name}-error`} className="field-error">
        {translateMessage(t, errors[name]!)}
      </p>
    ) : null;
  // after a successful upload the form starts empty (a new key), so the same photo is not sent twice; the notice takes
  // focus, since the form sits at the bottom of a long page and a screen reader would not hear it otherwise
  const [uploads, setUploads] = useState(0);
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (result?.status === "success" && result.form === "upload") setUploads((n) => n + 1);
    if (result?.notice) notice.current?.focus();
  }, [result]);
  return (
    <section className="form">
      <h1>
        {t("product.pictures")} · <span lang="zh-CN">{product.name_zh}</span>
      </h1>
      <p>
        <Link to={`/producer/products/${product.id}`}>{t("producer.editProduct")}</Link>
      </p>
      {result?.notice && (
        <p className="notice" role="status" tabIndex={-1} ref={notice}>
          {translateMessage(t, result.notice)}
        </p>
      )}
      {result?.form === "manage" && <FormOutcome answer={result} />}
      {product.published && (
        <p className="notice">
          {t(pending ? "image.pendingReview" : "image.reviewNeeded")} <Link to={`/producer/products/${product.id}`}>{t("producer.editProduct")}</Link>
        </p>
      )}
      {images.length === 0 ? (
        <p>{t("image.none")}</p>
      ) : (
        <ol className="image-list">
          {images.map((img, i) => (
            <li key={img.ref}>
              <Picture variants={img.variants} alt={img.alt_zh} width={img.width} height={img.height} sizes="14rem" />
              <p lang="zh-CN">{img.alt_zh}</p>
              <AltForm picture={img} n={i + 1} lastResult={result?.form === `alt-${img.ref}` ? result : undefined} />
              <FormActions>
                {(["up", "down", "delete"] as const)
                  .filter((intent) => !(intent === "up" && i === 0) && !(intent === "down" && i === images.length - 1))
                  .map((intent) => (
                    <Form method="post" key={intent}>
                      <input type="hidden" name="ref" value={img.ref} />
                      <input type="hidden" name="intent" value={intent} />
                      <button type="submit" className="button button--secondary">
                        {intent === "up" ? t("image.moveUp") : intent === "down" ? t("image.moveDown") : t("producer.delete")}
                      </button>
                    </Form>
                  ))}
              </FormActions>
            </li>
          ))}
        </ol>
      )}
      <Form method="post" encType="multipart/form-data" key={uploads}>
        <div className="field">
          <label htmlFor="file">{t("image.file")}</label>
          <input
            id="file"
            name="file"
            type="file"
            accept="image/jpeg,image/png,image/webp"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? "file-error" : undefined}
          />
          {fieldError("file")}
        </div>
        <div className="field">
          <label htmlFor="alt_zh">{t("image.altZh")}</label>
          <p id="alt_zh-hint" className="field-hint">
            {t("image.altZhHint")}
          </p>
          <input
            id="alt_zh"
            name="alt_zh"
            lang="zh-CN"
            required
            maxLength={300}
            aria-invalid={errors.alt_zh ? true : undefined}
            aria-describedby={errors.alt_zh ? "alt_zh-hint alt_zh-error" : "alt_zh-hint"}
          />
          {fieldError("alt_zh")}
        </div>
        <div className="field">
          <label htmlFor="alt_en">{t("image.altEn")}</label>
          <input
            id="alt_en"
            name="alt_en"
            lang="en"
            aria-invalid={errors.alt_en ? true : undefined}
            aria-describedby={errors.alt_en ? "alt_en-error" : undefined}
          />
          {fieldError("alt_en")}
        </div>
        <FormActions>
          <button type="submit" className="button">
            {t("image.upload")}
          </button>
        </FormActions>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("product.pictures")} · ${t("site.name")}` }];
};

export { ErrorBoundary } from "../components/route-error";
