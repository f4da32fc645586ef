import { test, expect } from '@playwright/test';

test.describe('parser playground', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./#/playground');
  });

  test('shows every call of a pasted output with its format, name and arguments', async ({ page }) => {
    const output = [
      'First I read the file.',
      '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>',
      '```json',
      '{"name": "run_command", "arguments": {"command": "echo hello"}}',
      '```',
      '<function=grep><parameter=q>main</parameter></function></tool_call>',
    ].join('\n');
    await page.getByTestId('playground-input').fill(output);

    await expect(page.getByTestId('playground-summary')).toHaveText('3 calls, 0 near misses');
    const cards = page.getByTestId('call-card');
    await expect(cards).toHaveCount(3);
    await expect(cards.getByTestId('call-name')).toHaveText(['read_file', 'run_command', 'grep']);
    await expect(cards.getByTestId('call-format')).toHaveText(['tagged-json', 'fenced-json', 'broken-xml']);
    await expect(cards.nth(0).getByTestId('call-arguments')).toContainText('"path": "/etc/hosts"');
    await expect(cards.nth(2).getByTestId('call-arguments')).toContainText('"q": "main"');
    await expect(page.getByTestId('playground-text')).toHaveText('First I read the file.');
  });

  test('explains the "tool" key drift as a near miss, not a call', async ({ page }) => {
    await page
      .getByTestId('playground-input')
      .fill('<tool_call>{"tool": "read_file", "arguments": {"path": "a.py"}}</tool_call>');
    await expect(page.getByTestId('playground-summary')).toHaveText('0 calls, 1 near miss');
    await expect(page.getByTestId('playground-near-misses')).toContainText('tool-key');
    await expect(page.getByTestId('playground-near-misses')).toContainText('"name"');
  });

  test('shows HTML in model output as text and runs nothing', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const hostile =
      '<img src=x onerror=alert(1)><script>alert(2)</script>\n' +
      '<tool_call>{"name": "write_file", "arguments": {"content": "<img src=x onerror=alert(3)>"}}</tool_call>';
    await page.getByTestId('playground-input').fill(hostile);

    await expect(page.getByTestId('playground-summary')).toHaveText('1 call, 0 near misses');
    await expect(page.getByTestId('playground-annotated')).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.getByTestId('call-arguments')).toContainText('<img src=x onerror=alert(3)>');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    // Give a stray handler every chance to fire before checking that none did.
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
  });

  test('the start page links to the playground', async ({ page }) => {
    await page.goto('./');
    await page.getByTestId('card-parser').click();
    await expect(page).toHaveURL(/#\/playground$/);
    await page.getByTestId('playground-input').fill('<tool_call>{"name": "a"}</tool_call>');
    await expect(page.getByTestId('call-name')).toHaveText('a');
    await expect(page.getByTestId('call-arguments')).toContainText('{}');
  });
});
