import type { Report } from '../../core/report/schema.ts';
import { renderHtmlReport } from '../../core/report/renderHtmlReport.ts';
import { renderCsv } from '../../core/report/renderCsv.ts';
import { renderMarkdownSummary } from '../../core/report/renderMarkdownSummary.ts';

/** The export formats of a report: the same renderers as `tabeval report`, so the files are identical. */
export type ReportFormat = 'json' | 'html' | 'csv' | 'md';

const MIME: Record<ReportFormat, string> = {
  json: 'application/json',
  html: 'text/html',
  csv: 'text/csv',
  md: 'text/markdown',
};

/** The file a format gives: name, MIME type and text. */
export function reportFile(
  report: Report,
  format: ReportFormat,
): { name: string; type: string; text: string } {
  const stamp = report.createdAt.slice(0, 19).replace(/[:T]/g, '-');
  const name = `tabeval-${report.suite.id}-${stamp}.${format}`.replace(/[^\w.-]/g, '_');
  const text =
    format === 'json'
      ? JSON.stringify(report, null, 2)
      : format === 'html'
        ? renderHtmlReport(report)
        : format === 'csv'
          ? renderCsv(report)
          : renderMarkdownSummary(report);
  return { name, type: MIME[format], text };
}
