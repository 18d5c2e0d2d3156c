import { validateOnSubmit } from "../components/form-validation";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useActionData } from "@remix-run/react";
import { createEvent, type EventInput } from "../../db/queries/events";
import { requireFairStaff } from "../events/access.server";
import { EventFields, invalidFieldsText } from "../events/event-fields";
import { eventSchema } from "../events/forms";
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
  const submission = parseWithZod(await request.formData(), { schema: eventSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const id = await createEvent(db(), submission.value);
  throw redirect(`/events/${id}/manage`);
}

export default function NewEventPage() {
  const t = useT();
  const { lang } = usePreferences();
  const lastResult = useActionData<typeof action>();
  const [form] = useForm({ lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: eventSchema }), ...validateOnSubmit });
  // One notice naming the wrong fields by their labels; "" holds form-level errors, which this form has none of.
  const invalid = Object.keys(form.allErrors).filter((name) => name !== "" && name !== form.name);
  return (
    <div>
      <h1>{t("events.new")}</h1>
      {invalid.length > 0 && (
        <p role="alert" className="field-error">
          {t("events.invalid", { fields: invalidFieldsText(t, lang, invalid) })}
        </p>
      )}
      <Form method="post" className="form" {...getFormProps(form)}>
        {/* what was typed comes back with the errors, so a page without JavaScript keeps it */}
        <EventFields invalid={invalid} value={(lastResult?.initialValue ?? undefined) as Partial<EventInput> | undefined} />
        <button className="button" type="submit">
          {t("events.create")}
        </button>
      </Form>
    </div>
  );
}
