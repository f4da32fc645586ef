/** Sample outputs for the playground: one per format, plus the drift that hid real calls. */
export const playgroundExamples: { label: string; text: string }[] = [
  {
    label: 'Qwen tags (JSON)',
    text: 'I will read the file first.\n<tool_call>\n{"name": "read_file", "arguments": {"path": "/etc/hosts"}}\n</tool_call>',
  },
  {
    label: 'JSON fence',
    text: 'Here is the call:\n```json\n{"name": "run_command", "arguments": {"command": "echo hello"}}\n```\nDone.',
  },
  {
    label: 'XML tags',
    text: '<tool_call><function=write_file><parameter=path>test.txt</parameter><parameter=content>Hello World</parameter></function></tool_call>',
  },
  {
    label: 'Broken XML',
    text: 'Searching.\n<function=search_code><parameter=query>main</parameter></function></tool_call>',
  },
  {
    label: 'Format drift',
    text: 'Old training format:\n```json\n{"tool": "read_file", "arguments": {"path": "a.py"}}\n```\n<tool_call>{"name": "read_file", "arguments": {"path": "a.py"}</tool_call>',
  },
];
