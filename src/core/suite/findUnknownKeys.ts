import type * as v from 'valibot';
import type { IssuePath, LocatedIssue } from '../validation/formatPath.ts';
import { unknownFieldMessage } from './issueMessages.ts';

/** The parts of a valibot schema object this walk reads; all are public properties of valibot 1.x schemas. */
interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  value?: SchemaNode;
  wrapped?: SchemaNode;
  getter?: (input: unknown) => SchemaNode;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every unknown key of every closed object in `input`, walking `schema` alongside it. valibot's
 * strict objects stop at the first unknown key; a suite author wants all of them at once. Unions
 * (matchers, answers) are skipped: their own message names their unknown keys. Never throws on
 * any input shape; the messages equal the schema's own, so duplicates can be dropped.
 */
export function findUnknownKeys(schema: v.GenericSchema, input: unknown): LocatedIssue[] {
  const issues: LocatedIssue[] = [];
  walk(schema as unknown as SchemaNode, input, [], issues);
  return issues;
}

function walk(node: SchemaNode, input: unknown, path: IssuePath, issues: LocatedIssue[]): void {
  switch (node.type) {
    case 'strict_object':
    case 'loose_object':
    case 'object': {
      if (!isRecord(input) || node.entries === undefined) return;
      const allowed = Object.keys(node.entries);
      for (const key of Object.keys(input)) {
        const entry = node.entries[key];
        if (entry !== undefined && Object.hasOwn(node.entries, key))
          walk(entry, input[key], [...path, key], issues);
        else if (node.type === 'strict_object') {
          issues.push({ path: [...path, key], message: unknownFieldMessage(key, allowed) });
        }
      }
      return;
    }
    case 'array':
      if (Array.isArray(input) && node.item !== undefined) {
        const item = node.item;
        input.forEach((element: unknown, index) => walk(item, element, [...path, index], issues));
      }
      return;
    case 'record':
      if (isRecord(input) && node.value !== undefined) {
        const value = node.value;
        for (const key of Object.keys(input)) walk(value, input[key], [...path, key], issues);
      }
      return;
    case 'exact_optional':
    case 'optional':
      if (node.wrapped !== undefined) walk(node.wrapped, input, path, issues);
      return;
    case 'lazy':
      if (node.getter !== undefined) walk(node.getter(input), input, path, issues);
      return;
    default:
      return;
  }
}
