export interface UserErrorLike {
  field: ReadonlyArray<string> | null;
  message: string;
  code: string;
}

export interface SplitUserErrors {
  /** Messages keyed by the last segment of `field` (`["input", "name"]` → `name`). */
  byField: Record<string, string>;
  /** Errors that name no field, or a field the form does not show. */
  general: string[];
}

/** Places the API's userErrors beside the fields they name; the rest go above the form. */
export function splitUserErrors(errors: ReadonlyArray<UserErrorLike>, knownFields: ReadonlyArray<string>): SplitUserErrors {
  const byField: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const last = error.field?.[error.field.length - 1];
    if (last && knownFields.includes(last) && !byField[last]) byField[last] = error.message;
    else general.push(error.message);
  }
  return { byField, general };
}
