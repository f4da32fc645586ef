import { ParserProgressError } from './ParserProgressError.ts';
import type { Span } from './tokens.ts';

/**
 * The tokens of one format, found lazily left to right, one at a time, like a regular expression's
 * `finditer`: after a token the search resumes at `resume(token)`. Each stream is independent of the
 * others, as Punie's per-format passes are. Throws `ParserProgressError` (a bug) if a recogniser
 * returns a token before the search position or a resume position that does not advance.
 */
export class TokenStream<T extends Span> {
  readonly #name: string;
  readonly #find: (from: number) => T | undefined;
  readonly #resume: (token: T) => number;
  #cursor = 0;
  #head: T | undefined = undefined;
  #done = false;

  /**
   * Takes a name (for error messages), `find(from)` returning the first token starting at or after
   * `from` (or undefined when there is none), and `resume(token)` giving where the next search starts.
   */
  constructor(name: string, find: (from: number) => T | undefined, resume: (token: T) => number) {
    this.#name = name;
    this.#find = find;
    this.#resume = resume;
  }

  /** The next token without taking it, or undefined when the stream is exhausted. */
  peek(): T | undefined {
    if (this.#head === undefined && !this.#done) {
      const token = this.#find(this.#cursor);
      if (token === undefined) {
        this.#done = true;
      } else {
        const next = this.#resume(token);
        if (token.start < this.#cursor || token.end < token.start) {
          throw new ParserProgressError(this.#name, this.#cursor, token.start);
        }
        if (next <= this.#cursor) throw new ParserProgressError(this.#name, this.#cursor, next);
        this.#cursor = next;
        this.#head = token;
      }
    }
    return this.#head;
  }

  /** The next token, taken out of the stream, or undefined when the stream is exhausted. */
  take(): T | undefined {
    const token = this.peek();
    this.#head = undefined;
    return token;
  }
}
