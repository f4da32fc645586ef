// JSON Lines, read defensively: one object per line, every bad line named by its number.
import type { ImportIssue } from './types.ts';
import { MAX_IMPORT_LINE_CHARS, MAX_IMPORT_LINES } from './importLimits.ts';
import { describeValue } from '../../validation/describeValue.ts';

/** One JSON object of a JSONL file and the (1-based) line it was on. */
export interface JsonLine {
  line: number;
  value: Record<string, unknown>;
}

/** The objects of a JSONL file, and a problem for every line that is not one. */
export interface JsonLines {
  records: JsonLine[];
  issues: ImportIssue[];
}

/** The location of an import issue: `line 4` or `line 4, entry_point`. */
export function linePath(line: number, field?: string): string {
  return field === undefined || field === '' ? `line ${line}` : `line ${line}, ${field}`;
}

/** The line number of an issue located `line N…`, for sorting in reading order; others go last. */
export function lineOf(issue: ImportIssue): number {
  const match = /^line (\d+)/.exec(issue.path);
  return match === null ? Number.MAX_SAFE_INTEGER : Number(match[1]);
}

/**
 * Splits JSON Lines text (one JSON object per line; `\n` or `\r\n`; blank lines and a leading
 * byte-order mark ignored) into objects with their line numbers. A line that is not valid JSON,
 * not an object, or too long gives an issue naming it; more than `MAX_IMPORT_LINES` objects give
 * one issue and no records. Never throws.
 */
export function readJsonLines(text: string): JsonLines {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: JsonLine[] = [];
  const issues: ImportIssue[] = [];
  let start = 0;
  let line = 0;
  while (start <= source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    line += 1;
    const raw = source.slice(start, end).trim();
    start = end + 1;
    if (raw === '') continue;
    if (records.length + issues.length >= MAX_IMPORT_LINES) {
      return {
        records: [],
        issues: [
          {
            path: linePath(line),
            message: `the file has more than ${MAX_IMPORT_LINES} problems; split it into smaller files`,
          },
        ],
      };
    }
    if (raw.length > MAX_IMPORT_LINE_CHARS) {
      issues.push({
        path: linePath(line),
        message: `is ${raw.length} characters long; a problem may be at most ${MAX_IMPORT_LINE_CHARS}`,
      });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      issues.push({ path: linePath(line), message: `is not valid JSON (${reason})` });
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ path: linePath(line), message: `expected a JSON object, got ${describeValue(value)}` });
      continue;
    }
    records.push({ line, value: value as Record<string, unknown> });
  }
  return { records, issues };
}
