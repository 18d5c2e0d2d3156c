import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { createEvent } from "../../db/queries/events";
import { requireFairStaff } from "../events/access.server";
import { EventFields, invalidFieldsText } from "../events/event-fields";
import { parseEvent } from "../events/forms";
import { metaTranslator, usePreferences, useT } from "../i18n/i18n";
import { db } from "../services.server";

export { ErrorBoundary } from "../components/route-error";

export const meta: MetaFunction = ({ matches }) => [{ title: metaTranslator(matches)("events.new") }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireFairStaff(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireFairStaff(request);
  const parsed = parseEvent(await request.formData());
  if (!parsed.ok) return data({ invalid: parsed.fields }, { status: 400 });
  const id = await createEvent(db(), parsed.value);
  throw redirect(`/events/${id}/manage`);
}

export default function NewEventPage() {
  const t = useT();
  const { lang } = usePreferences();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>{t("events.new")}</h1>
      {result?.invalid && (
        <p role="alert" className="field-error">
          {t("events.invalid", { fields: invalidFieldsText(t, lang, result.invalid) })}
        </p>
      )}
      <Form method="post" className="form">
        <EventFields invalid={result?.invalid} />
        <button className="button" type="submit">
          {t("events.create")}
        </button>
      </Form>
    </div>
  );
}
