import { describe, expect, it } from 'vitest';
import { splitCodeBlocks, type OutputSegment } from '../../../../src/ui/results/splitCodeBlocks.ts';

function rejoin(segments: OutputSegment[]): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.raw)).join('');
}

describe('splitCodeBlocks', () => {
  it('returns no segment for the empty output and one text segment without fences', () => {
    expect(splitCodeBlocks('')).toEqual([]);
    expect(splitCodeBlocks('just prose\nover lines')).toEqual([
      { kind: 'text', text: 'just prose\nover lines' },
    ]);
  });

  it('splits prose and a fenced block, with its language', () => {
    const input = 'Here:\n```python\ndef f():\n    return 1\n```\nDone.';
    expect(splitCodeBlocks(input)).toEqual([
      { kind: 'text', text: 'Here:\n' },
      {
        kind: 'code',
        language: 'python',
        code: 'def f():\n    return 1',
        closed: true,
        raw: '```python\ndef f():\n    return 1\n```\n',
      },
      { kind: 'text', text: 'Done.' },
    ]);
  });

  it('reads the first word of the info string, lower-cased, and tilde fences', () => {
    const [block] = splitCodeBlocks('~~~ TypeScript title="x"\nlet a = 1;\n~~~');
    expect(block).toMatchObject({ kind: 'code', language: 'typescript', code: 'let a = 1;', closed: true });
    expect(splitCodeBlocks('```\nplain\n```')[0]).toMatchObject({ language: '', code: 'plain' });
  });

  it('closes only with the same fence character, at least as long', () => {
    const input = '````md\n```\ninner\n```\n~~~~\n````\nafter';
    const segments = splitCodeBlocks(input);
    expect(segments[0]).toMatchObject({ kind: 'code', code: '```\ninner\n```\n~~~~', closed: true });
    expect(segments[1]).toEqual({ kind: 'text', text: 'after' });
  });

  it('ignores fences not at the start of a line, indented four spaces, or with backticks in the info', () => {
    for (const input of ['say ```python\nx', '    ```\ncode\n    ```', '``` a`b\nx']) {
      expect(splitCodeBlocks(input)).toEqual([{ kind: 'text', text: input }]);
    }
    expect(splitCodeBlocks('  ```py\n  y\n   ```')[0]).toMatchObject({
      kind: 'code',
      language: 'py',
      code: '  y',
    });
  });

  it('runs an unclosed block to the end (a truncated generation)', () => {
    expect(splitCodeBlocks('Start\n```bash\nfind . -name x')).toEqual([
      { kind: 'text', text: 'Start\n' },
      {
        kind: 'code',
        language: 'bash',
        code: 'find . -name x',
        closed: false,
        raw: '```bash\nfind . -name x',
      },
    ]);
  });

  it('keeps CRLF outputs exact and strips the line ending before the closing fence', () => {
    const input = 'a\r\n```js\r\nx()\r\n```\r\nb';
    const segments = splitCodeBlocks(input);
    expect(segments[1]).toMatchObject({ kind: 'code', language: 'js', code: 'x()' });
    expect(rejoin(segments)).toBe(input);
  });

  it('handles adjacent blocks and gives back the input exactly', () => {
    const inputs = [
      '```a\n1\n```\n```b\n2\n```',
      '```\n```',
      '\n\n```json\n{}\n```\n\n',
      'x\n  ```py\n  y\n  ```\nz',
      '```\nnever closed\n```` extra',
    ];
    for (const input of inputs) expect(rejoin(splitCodeBlocks(input))).toBe(input);
    expect(splitCodeBlocks(inputs[0] ?? '').map((s) => s.kind)).toEqual(['code', 'code']);
  });

  it('stays linear on long adversarial input (many fence openers, no closer)', () => {
    const input = '```x\n'.repeat(20_000) + '`'.repeat(50_000);
    const segments = splitCodeBlocks(input);
    expect(segments).toHaveLength(1);
    expect(rejoin(segments)).toBe(input);
  });
});
