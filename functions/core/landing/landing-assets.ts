/**
 * The landing page's only inline style sheet and script, and the security headers that allow
 * exactly these two by hash (no `unsafe-inline`, no `unsafe-eval`). The page is complete without
 * the script: it only turns the style form into a live selector and adds a copy button. The home
 * page and the tombstone page use the same style sheet under the same headers (and no script).
 */
import { createHash } from 'node:crypto';

export const LANDING_CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --bg: #fff; --line: #d9d9de; --accent: #0b57d0; }
@media (prefers-color-scheme: dark) { :root { --fg: #ececf0; --muted: #a8abb3; --bg: #16171a; --line: #34363c; --accent: #8ab4f8; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 Georgia, "Times New Roman", serif; color: var(--fg); background: var(--bg); }
a { color: var(--accent); }
header.site, footer.site { font-family: system-ui, sans-serif; font-size: 0.9rem; padding: 0.75rem 1.25rem; border-bottom: 1px solid var(--line); }
footer.site { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted); }
main { max-width: 46rem; margin: 0 auto; padding: 1.25rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.25rem 0 1rem; }
h2 { font-family: system-ui, sans-serif; font-size: 1.05rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
.genre { font-family: system-ui, sans-serif; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; color: var(--muted); margin: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.35rem 1rem; margin: 0; }
dl.facts dt { font-family: system-ui, sans-serif; font-size: 0.9rem; color: var(--muted); }
dl.facts dd { margin: 0; }
.translation p { margin: 0 0 0.9rem; }
blockquote.rights { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid var(--line); }
.badge { display: inline-block; font: 600 0.8rem/1.4 system-ui, sans-serif; border: 1px solid currentColor; border-radius: 0.25rem; padding: 0 0.4rem; margin-right: 0.4rem; }
.citation { padding: 0.75rem 1rem; border: 1px solid var(--line); border-radius: 0.35rem; }
.cite-form, .cite-actions { font-family: system-ui, sans-serif; font-size: 0.95rem; margin: 0.5rem 0; }
.cite-form label { margin-right: 0.3rem; }
.cite-form select { margin-right: 0.8rem; }
ul.downloads { font-family: system-ui, sans-serif; font-size: 0.95rem; padding-left: 1.2rem; }
.type { color: var(--muted); font-size: 0.85rem; }
.iiif-mark { display: inline-block; font: 700 0.75rem/1.3 system-ui, sans-serif; color: #fff; background: #2873ab; border-radius: 0.2rem; padding: 0 0.3rem; margin-right: 0.3rem; }
.viewer { font-family: system-ui, sans-serif; font-size: 0.95rem; margin: 1rem 0 0; padding: 0.6rem 0.9rem; border: 1px solid var(--line); border-radius: 0.35rem; }
.viewer p { margin: 0; }
.viewer p + p { margin-top: 0.25rem; }
.note, .meta, .set-links { font-family: system-ui, sans-serif; font-size: 0.875rem; color: var(--muted); }
ul.tree { padding-left: 1.2rem; }
ul.tree > li { margin-bottom: 0.6rem; }
ul.tree ul { padding-left: 1.2rem; margin: 0.2rem 0 0; }
ol.recent { padding-left: 1.5rem; }
ol.recent li { margin-bottom: 0.6rem; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
`.trim();

export const LANDING_SCRIPT = `
(function () {
  var form = document.getElementById('cite-form');
  var out = document.getElementById('citation-text');
  var copy = document.getElementById('copy-citation');
  if (!form || !out || !window.fetch) return;
  var show = form.querySelector('button[type="submit"]');
  if (show) show.hidden = true;
  function refresh() {
    var url = new URL(form.action);
    new FormData(form).forEach(function (value, name) { url.searchParams.set(name, String(value)); });
    out.setAttribute('aria-busy', 'true');
    fetch(url.toString(), { headers: { Accept: 'text/plain' } })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (text) {
        out.textContent = text.trim();
        if (copy && navigator.clipboard) copy.hidden = false;
      })
      .catch(function () {})
      .then(function () { out.removeAttribute('aria-busy'); });
  }
  form.addEventListener('change', refresh);
  form.addEventListener('submit', function (event) { event.preventDefault(); refresh(); });
  if (copy && navigator.clipboard) {
    copy.addEventListener('click', function () {
      navigator.clipboard.writeText(out.textContent.trim()).then(function () {
        copy.textContent = 'Copied';
        setTimeout(function () { copy.textContent = 'Copy citation'; }, 2000);
      });
    });
  }
  refresh();
})();
`.trim();

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Content-Security-Policy of the landing page: nothing but this page's own style and script, by hash. */
export const LANDING_CSP = [
  "default-src 'none'",
  `script-src ${sha256(LANDING_SCRIPT)}`,
  `style-src ${sha256(LANDING_CSS)}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const LANDING_SECURITY_HEADERS: { readonly [name: string]: string } = {
  'Content-Security-Policy': LANDING_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
};
