/** The client-hint fields used (structurally, from the device probe's `UaHints`). */
export interface BrandVersions {
  fullVersionList: readonly { brand: string; version: string }[];
}

// Specific brands before the engine they build on; GREASE brands ("Not A(Brand") are skipped.
const PREFERRED = [
  'Microsoft Edge',
  'Opera',
  'Brave',
  'Vivaldi',
  'Samsung Internet',
  'Google Chrome',
  'Chromium',
];
const GREASE = /not.a.brand/i;
const UA_PATTERNS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/([\d.]+)/, 'Microsoft Edge'],
  [/\bOPR\/([\d.]+)/, 'Opera'],
  [/\bSamsungBrowser\/([\d.]+)/, 'Samsung Internet'],
  [/\bFirefox\/([\d.]+)/, 'Firefox'],
  [/\bFxiOS\/([\d.]+)/, 'Firefox'],
  [/\bCriOS\/([\d.]+)/, 'Chrome'],
  [/\bChrome\/([\d.]+)/, 'Chrome'],
  [/\bVersion\/([\d.]+)(?: Mobile\/\w+)? Safari\//, 'Safari'],
];

/**
 * The browser and its full version, e.g. `Google Chrome 131.0.6778.85`: from the client hints'
 * `fullVersionList` when the browser gives them (Chromium), else parsed from the user agent
 * (whose Chrome version is reduced to `131.0.0.0`); null when neither says. Pure; never throws.
 */
export function browserVersion(hints: BrandVersions | null, userAgent: string): string | null {
  const brands = (hints?.fullVersionList ?? []).filter((b) => b.brand && b.version && !GREASE.test(b.brand));
  for (const name of PREFERRED) {
    const found = brands.find((b) => b.brand === name);
    if (found) return `${found.brand} ${found.version}`;
  }
  const first = brands[0];
  if (first) return `${first.brand} ${first.version}`;
  for (const [pattern, name] of UA_PATTERNS) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return null;
}
