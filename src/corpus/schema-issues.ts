/**
 * Schema issues in a curator's words.
 *
 * zod describes what failed at which path; this turns each issue into one line that names
 * the field and what it accepts, which is what a person fixing a YAML file needs.
 */

import type { z } from 'zod';

/** One line per issue: `field.path: what is wrong`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
    let message = issue.message;
    // zod words a missing field as a type mismatch with undefined; say "missing" instead.
    if (issue.code === 'invalid_type' && /received undefined$/.test(message)) message = `missing (expected ${issue.expected})`;
    return path === '' ? message : `${path}: ${message}`;
  });
}
