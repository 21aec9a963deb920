/**
 * A reason a form cannot be sent, in the words a marketer reads, and the id of the field to fix
 * when one field holds it: the summary links there and the field is marked invalid.
 */
export interface FormProblem {
  message: string;
  field?: string;
}

export function problemAt(field: string, message: string): FormProblem {
  return { field, message };
}

/** A value read from a form's fields, or the problem that stops it being read. */
export type FieldReading<T> = { ok: true; value: T } | { ok: false; problem: FormProblem };

export function refuseAt<T>(field: string, message: string): FieldReading<T> {
  return { ok: false, problem: problemAt(field, message) };
}

export function formProblem(message: string): FormProblem {
  return { message };
}

/**
 * The element id of a summary's entry for the problem at `index`; the field's description points
 * there. `formId` keeps two forms of one page apart.
 */
export function problemElementId(formId: string, index: number): string {
  return `${formId}-problem-${index}`;
}
