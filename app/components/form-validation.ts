/**
 * When a form checks its fields in the browser: on submit only, and again on the next submit. Checking on leaving a
 * field (blur) made an error's text appear or vanish just as the user pressed the submit button, which moved the
 * button under the pointer between press and release, and the click was lost (issue 21). Errors now change only when
 * the form is sent, so nothing under the pointer moves; every form's useForm spreads this.
 */
export const validateOnSubmit = { shouldValidate: "onSubmit", shouldRevalidate: "onSubmit" } as const;
