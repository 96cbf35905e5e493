import type { FieldError } from "../../core/SaaSLLMError";

/**
 * The field problems of a 422 as a list: `model: Field required`. The `body.` / `query.` prefix of the
 * location is dropped because it means nothing to a user.
 *
 * @example <FieldErrorList errors={state.fieldErrors ?? []} />
 */
export function FieldErrorList({ errors }: { errors: readonly FieldError[] }) {
  if (errors.length === 0) return null;
  return (
    <ul className="slm-banner__fields" aria-label="Fields to fix">
      {errors.map((f, i) => (
        <li key={`${f.path}-${i}`} className="slm-banner__field" data-field={f.path}>
          <span className="slm-banner__field-name">{f.path.replace(/^(body|query|path)\.?/, "") || "request"}</span>: {f.message}
        </li>
      ))}
    </ul>
  );
}
