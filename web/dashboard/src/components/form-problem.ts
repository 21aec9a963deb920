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

export function formProblem(message: string): FormProblem {
  return { message };
}

/** The element id of the summary's entry for the problem at `index`; the field's description points there. */
export function problemElementId(index: number): string {
  return `form-problem-${index}`;
}
