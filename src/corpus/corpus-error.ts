/**
 * CorpusError: everything wrong with a corpus directory, reported at once.
 *
 * Loading checks every file and collects each problem before giving up, so one run shows a
 * curator the whole list rather than the first mistake. Each problem names the file (relative
 * to the corpus directory), the entry within it (`claims[12]`, an entity ID, a front matter
 * field) and what is wrong and what is accepted. Nothing is loaded when there is any problem.
 */

export interface CorpusProblem {
  /** Path relative to the corpus directory, e.g. `curation/000-66c4e56b.yaml`. */
  file: string;
  /** The part of the file at fault: `claims[12]`, `Company:xiaomi`, `published`, `(file)`. */
  entry: string;
  message: string;
}

/** Marks a problem with a whole file rather than one entry in it. */
export const WHOLE_FILE = '(file)';

export class CorpusError extends Error {
  override readonly name = 'CorpusError';
  readonly problems: readonly CorpusProblem[];

  constructor(problems: readonly CorpusProblem[], dataDir: string) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`loadCorpus: ${count} in ${dataDir}:\n${problems.map(formatProblem).join('\n')}`);
    this.problems = problems;
  }
}

export function formatProblem(problem: CorpusProblem): string {
  return `  ${problem.file} ${problem.entry}: ${problem.message}`;
}

/** Records problems against one file; handed to each parser so it can report and go on. */
export type Report = (entry: string, message: string) => void;

/** Collects problems from every file of a corpus. */
export class ProblemLog {
  readonly problems: CorpusProblem[] = [];

  for(file: string): Report {
    return (entry, message) => {
      this.problems.push({ file, entry, message });
    };
  }
}
