// The stylesheet of the HTML report: a constant (never holds report data), inlined in a <style>
// element so the file needs no network. System fonts only; light and dark via prefers-color-scheme.

/** CSS of the self-contained HTML report. */
export const HTML_REPORT_STYLE = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--accent:#2f6fde;--pass:#1a7f37;--fail:#cf222e;--warn:#9a6700;--code:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--accent:#4493f8;--pass:#3fb950;--fail:#f85149;--warn:#d29922;--code:#151b23}}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1100px;padding:24px 16px 48px;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}h3{font-size:14px;margin:14px 0 6px}
.sub,.note{color:var(--muted)}.note{font-size:12px;margin:4px 0}
code,pre{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--code);border:1px solid var(--line);border-radius:6px;padding:8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:32em;overflow:auto}
table{border-collapse:collapse;margin:6px 0}th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}th{font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.cards{display:flex;flex-wrap:wrap;gap:10px}.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:22px;font-variant-numeric:tabular-nums}.card span{color:var(--muted);font-size:12px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:6px 0}dt{color:var(--muted)}dd{margin:0;overflow-wrap:anywhere}
.chart-box{overflow-x:auto;margin:8px 0;max-width:100%;border:1px solid var(--line);border-radius:6px;padding:4px}.chart-box:focus-visible,.scroll:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.chart{display:block;max-width:none}.chart text{fill:var(--fg);font-size:12px}.chart .tick{fill:var(--muted);font-size:11px}
.chart .bar{fill:var(--accent)}.chart .grid{stroke:var(--line)}.chart .whisker{stroke:var(--fg);stroke-width:2}.chart .line{fill:none;stroke:var(--accent);stroke-width:1.5}.chart .dot{fill:var(--accent)}
.ok{color:var(--pass)}.ko{color:var(--fail)}.warn{color:var(--warn)}
.cases{border-top:1px solid var(--line)}
.row{display:grid;grid-template-columns:1.2em minmax(7em,2fr) minmax(6em,1.2fr) 5.5em minmax(7em,1.6fr) 6.5em 3fr;gap:8px;padding:4px 6px;border-bottom:1px solid var(--line);align-items:baseline}
.row>span{overflow-wrap:anywhere}.head{font-weight:600}.row .n{text-align:right;font-variant-numeric:tabular-nums}
summary.row{cursor:pointer;list-style:none}summary.row::-webkit-details-marker{display:none}
summary.row::before{content:"\\25B8";color:var(--muted)}details[open]>summary.row::before{content:"\\25BE"}
.case>div{padding:4px 12px 12px 28px;border-bottom:1px solid var(--line)}
.turn{margin:4px 0}.turn b{font-size:12px;color:var(--muted)}
.verdicts{margin:4px 0;padding-left:18px}.verdicts li{margin:2px 0}
.filter{display:inline-block;margin:6px 0;user-select:none}
body:has(#only-failing:checked) .case.pass{display:none}
footer{margin-top:32px;color:var(--muted);font-size:12px}
th[scope=row]{font-weight:400}
.case table{display:block;overflow-x:auto;max-width:100%}
summary.row{min-height:24px}
@media (max-width:640px){
body{padding:16px 12px 40px}
table.stack,table.stack tbody,table.stack tr,table.stack th,table.stack td{display:block}
table.stack thead{display:none}
table.stack tr{border:1px solid var(--line);border-radius:8px;padding:6px 10px;margin:0 0 8px}
table.stack th[scope=row]{font-weight:600;border:0;padding:2px 0}
table.stack td{display:flex;justify-content:space-between;gap:12px;border:0;padding:2px 0;text-align:right}
table.stack td::before{content:attr(data-label);color:var(--muted);text-align:left}
.row.head{display:none}
.row{grid-template-columns:1.2em minmax(0,1fr) auto auto;gap:2px 10px}
.row>span:nth-of-type(1){grid-column:2;grid-row:1;font-weight:600}
.row>span:nth-of-type(2){grid-column:2;grid-row:2;color:var(--muted)}
.row>span:nth-of-type(3){grid-column:3/5;grid-row:1;text-align:right}
.row>span.chips{grid-column:2/5;grid-row:3}
.row>span:nth-of-type(5){grid-column:3/5;grid-row:2;text-align:right}
.row>span:nth-of-type(6){grid-column:2/5;grid-row:4}
.case>div{padding:4px 4px 12px 8px}
dl{grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:4px 10px}dt{overflow-wrap:anywhere}
}
@media print{
:root{--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--card:#fff;--code:#fff}
body{max-width:none;padding:0;font-size:11px}
.filter{display:none}
pre{max-height:none;overflow:visible}
summary.row::before{content:""}.row{grid-template-columns:0 minmax(7em,2fr) minmax(6em,1.2fr) 5.5em minmax(7em,1.6fr) 6.5em 3fr}
.row,.card,tr,.chart{break-inside:avoid}h2{break-after:avoid}
}
`;
