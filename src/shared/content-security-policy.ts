/**
 * The page's Content-Security-Policy, one rule for the desktop app and the browser mode: only the
 * app's own scripts, styles and connections; 'wasm-unsafe-eval' because Automerge is WebAssembly.
 */
export function contentSecurityPolicy(options: { connect?: string[]; inMetaTag?: boolean } = {}): string {
  const policy = [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ['connect-src', "'self'", ...(options.connect ?? [])].join(' '),
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ]
  // A <meta> policy cannot say where the page may be framed; only the header can.
  return (options.inMetaTag ? policy.filter((directive) => !directive.startsWith('frame-ancestors')) : policy).join('; ')
}
