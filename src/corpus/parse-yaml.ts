/**
 * YAML text to plain data, reporting every syntax error rather than stopping at the first.
 *
 * The `yaml` package collects errors on the parsed document; each becomes a problem whose
 * entry is the line it was found on. Duplicate keys count as errors, so a claim entry cannot
 * silently say two different things.
 */

import { LineCounter, parseDocument } from 'yaml';
import type { Report } from './corpus-error.ts';

/**
 * The parsed data, or undefined when the text is not valid YAML (each error is reported).
 * `firstLine` is the file line the text starts on, for YAML embedded in a larger file.
 */
export function parseYaml(text: string, report: Report, firstLine = 1): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  if (document.errors.length === 0) return document.toJS();
  for (const error of document.errors) {
    const { line } = lineCounter.linePos(error.pos[0]);
    report(`line ${line + firstLine - 1}`, `not valid YAML: ${error.message}`);
  }
  return undefined;
}
