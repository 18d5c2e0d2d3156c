import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { requireProducer } from "../auth/guards.server";
import { FormOutcome } from "../components/form-outcome";
import { LocalizedText } from "../components/localized-text";
import { Interpolated } from "../components/search-text";
import { errorsReply, noticeReply, type FormAnswer } from "../domain/form-reply";
import { EvidenceRejected } from "../evidence/prepare.server";
import { removeEvidence, saveEvidence } from "../evidence/evidence.server";
import { evidenceStorage } from "../evidence/storage.server";
import { metaTranslator, useT } from "../i18n/i18n";
import { parseImageUpload, UploadRejected } from "../images/upload.server";
import { notFound, recordIdOr404 } from "../lib/route-params";
import { formatBytes } from "../lib/format";
import { evidenceOfClaim, ownClaimForEvidence } from "../../db/queries/claim-evidence";
import type { ClaimKind } from "../../db/queries/claims";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

// A producer's evidence for one of its own claims (issue 21): upload a PDF or photo of the licence, see what is
// there, remove a file. Only staff can open the files (app/routes/staff.evidence.$id.ts). Another organisation's
// claim is not found, and ownership is checked before a byte of an upload is read.

async function ownClaimOr404(request: Request, params: { kind?: string; id?: string }) {
  const user = await requireProducer(request);
  const kind = params.kind;
  if (kind !== "gi" && kind !== "brand") notFound();
  const id = recordIdOr404(params.id);
  const claim = await ownClaimForEvidence(db(), user.organization_id, kind as ClaimKind, id);
  if (!claim) notFound();
  return { user, claim: { kind: kind as ClaimKind, id, name_zh: claim.name_zh, name_en: claim.name_en } };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { claim } = await ownClaimOr404(request, params);
  return { claim, files: await evidenceOfClaim(db(), claim.kind, claim.id) };
}

const failed = (message: string, status: number) => data<FormAnswer>(errorsReply({ file: [message] }), { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, claim } = await ownClaimOr404(request, params);
  const who = { organizationId: user.organization_id, userId: user.id };
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    const id = Number(form.get("evidence"));
    if (form.get("intent") !== "remove" || !Number.isSafeInteger(id) || id < 1) return failed("validation.invalid", 400);
    if (!(await removeEvidence(db(), evidenceStorage(), who, claim, id))) notFound();
    return data<FormAnswer>(noticeReply("evidence.removed"));
  }
  let upload: Awaited<ReturnType<typeof parseImageUpload>>;
  try {
    upload = await parseImageUpload(request);
  } catch (e) {
    if (e instanceof UploadRejected) return failed(`evidence.problem.${e.problem === "badRequest" ? "missingFile" : e.problem}`, e.status);
    throw e;
  }
  if (!upload.file) return failed("evidence.problem.missingFile", 400);
  try {
    const result = await saveEvidence(db(), evidenceStorage(), who, claim, upload.file, upload.fileName);
    if (result === "not_found") notFound();
    if (result === "too_many") return failed("evidence.tooMany", 409);
  } catch (e) {
    if (e instanceof EvidenceRejected) return failed(`evidence.problem.${e.problem}`, 422);
    throw e;
  }
  return data<FormAnswer>(noticeReply("evidence.uploaded"));
}

export default function ClaimEvidence() {
  const { claim, files } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const t = useT();
  const upload = useRef<HTMLFormElement>(null);
  // after an upload the file input is emptied, so the same file is not sent twice by mistake
  useEffect(() => {
    if (answer?.notice === "evidence.uploaded") upload.current?.reset();
  }, [answer]);
  return (
    <section className="form">
      <p>
        <Link to="/producer/claims">{t("evidence.back")}</Link>
      </p>
      <h1>
        <Interpolated template={t("evidence.title", { name: "{name}" })} values={{ name: <LocalizedText zh={claim.name_zh} en={claim.name_en} /> }} />
      </h1>
      <p>{t("evidence.intro")}</p>
      <FormOutcome answer={answer} labels={{ file: t("evidence.file") }} />
      <h2>{t("evidence.list")}</h2>
      {files.length === 0 ? (
        <p>{t("evidence.none")}</p>
      ) : (
        <ul className="plain-list evidence-list">
          {files.map((f) => (
            <li key={f.id}>
              <span lang="zh-CN">{f.file_name}</span> · {formatBytes(f.byte_size)}{" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="evidence" value={f.id} />
                <button type="submit" className="button button--secondary" aria-label={t("evidence.removeFile", { name: f.file_name })}>
                  {t("evidence.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <Form method="post" encType="multipart/form-data" ref={upload}>
        <div className="field">
          <label htmlFor="evidence-file">{t("evidence.file")}</label>
          <p id="evidence-file-hint" className="field-hint">
            {t("evidence.limits")}
          </p>
          <input
            id="evidence-file"
            name="file"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            required
            aria-describedby="evidence-file-hint"
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="button">
            {t("evidence.upload")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => {
  const t = metaTranslator(matches);
  return [{ title: `${t("evidence.title", { name: data?.claim.name_zh ?? "" })} · ${t("site.name")}` }, { name: "robots", content: "noindex" }];
};
