/** One thing wrong with a client's definition: where (`rules.2.conditions.$is[0]`) and what. */
export interface Problem {
  path: string;
  message: string;
}

/** Problems listed in an error's details; the rest are counted. */
const MAX_PROBLEMS_SHOWN = 10;

/** The details of a 400 that names every problem found: the first ten, and how many more. */
export function describeProblems(problems: readonly Problem[]): string {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map((problem) => `${problem.path}: ${problem.message}`);
  const more = problems.length - shown.length;
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
