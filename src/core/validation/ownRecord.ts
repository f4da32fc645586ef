import * as v from 'valibot';

// valibot's `record` skips the keys `__proto__`, `constructor` and `prototype` without a word (to
// keep them off its output's prototype chain). Keys here are untrusted text — argument names, case
// ids, limits — and a tool parameter called `constructor` must reach the scorer like any other.
const SKIPPED_BY_RECORD = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * `v.record(key, value)` that keeps every own key of its input: the output is a null-prototype
 * object, so no key (not even `__proto__`) can reach or change a prototype. Validation, issue
 * paths and the JSON Schema conversion are the record's own (this is a record schema with one
 * step added). Never throws.
 */
export function ownRecord<
  const TKey extends v.GenericSchema<string, string | number | symbol>,
  const TValue extends v.GenericSchema,
  const TMessage extends v.ErrorMessage<v.RecordIssue> | undefined = undefined,
>(key: TKey, value: TValue, message?: TMessage): v.RecordSchema<TKey, TValue, TMessage> {
  const base = v.record(key, value, message as TMessage);
  const schema = {
    ...base,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const input: unknown = dataset.value;
      const result = base['~run'](dataset, config) as { value?: unknown; typed: boolean };
      const built = result.value;
      if (!input || typeof input !== 'object' || built === null || typeof built !== 'object')
        return result as never;
      const own: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const name of Object.keys(built)) own[name] = (built as Record<string, unknown>)[name];
      for (const name of SKIPPED_BY_RECORD) {
        if (!Object.hasOwn(input, name)) continue;
        const entry = (input as Record<string, unknown>)[name];
        const pathItem = { type: 'object', origin: 'value', input, key: name, value: entry } as const;
        const keyResult = key['~run']({ value: name }, config);
        const valueResult = value['~run']({ value: entry }, config);
        const issues = [...(keyResult.issues ?? []), ...(valueResult.issues ?? [])];
        for (const issue of issues) {
          (issue as { path?: unknown[] }).path = [pathItem, ...(issue.path ?? [])];
        }
        if (issues.length > 0) {
          const withIssues = result as { issues?: v.BaseIssue<unknown>[]; typed: boolean };
          withIssues.issues = [...(withIssues.issues ?? []), ...issues];
          withIssues.typed = false;
        } else {
          Object.defineProperty(own, name, {
            value: valueResult.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      result.value = own;
      return result as never;
    },
  };
  // Standard Schema's `validate` must call this schema's run, not the record's.
  return v._standardSchema(schema as unknown as typeof base);
}
