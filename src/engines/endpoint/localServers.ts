// The servers the deployed site may call: this machine's. connect-src of the page's
// Content-Security-Policy (vite.config.ts) lists these; a self-hoster widens it for a remote server.

/** connect-src sources for servers on this machine, any port. */
export const LOCAL_SERVER_SOURCES: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

/** True when `url` is an http URL on localhost or 127.0.0.1 (what the deployed CSP allows). */
export function isLocalServerUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'http:' && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1')
    );
  } catch {
    return false;
  }
}
