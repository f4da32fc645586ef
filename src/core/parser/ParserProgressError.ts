/**
 * Thrown when the parser's driving loop fails to move forward. This is a bug in the parser, never a
 * property of the input: `parseToolCalls` is meant to never throw, and tests check that this never happens.
 */
export class ParserProgressError extends Error {
  /**
   * Takes the recogniser's name, the position it was asked to search from and the token's start
   * (or resume position) that broke the rule; builds the message from them.
   */
  constructor(recogniser: string, from: number, to: number) {
    super(`parser bug: recogniser "${recogniser}" did not move forward (searched from ${from}, got ${to})`);
    this.name = 'ParserProgressError';
  }
}
