import type { Suite, SuiteCase, ToolDefinition } from './types.ts';

/**
 * The tools one case offers the model: the suite's tools named in the case's `tools`, in the
 * case's order, or all of the suite's tools when the case names none. A name the suite does not
 * declare is skipped (validation reports it). Pure; returns a new array.
 */
export function offeredTools(
  suite: Pick<Suite, 'tools'>,
  suiteCase: Pick<SuiteCase, 'tools'>,
): ToolDefinition[] {
  if (suiteCase.tools === undefined) return [...suite.tools];
  const byName = new Map(suite.tools.map((tool) => [tool.name, tool]));
  return suiteCase.tools.flatMap((name) => {
    const tool = byName.get(name);
    return tool === undefined ? [] : [tool];
  });
}
