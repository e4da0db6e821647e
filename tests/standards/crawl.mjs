// The crawler of the standards checks: from a few start pages it follows every
// same-site link (GET only), keeps every HTML answer, and lists the forms it saw,
// so that html.test.mjs can post them and hand all pages to the Nu Html Checker.
// Links to files for programs (.json, .atom, .ics, .md, .csv), /static/, /logout
// and the language switch are not followed (the languages are crawled one by one).

const kSkip = /^\/(static\/|logout|lang\b)|\.(json|atom|ics|md|csv)(\?|$)/;

export function unescapeHtml(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function attr(tag, name) {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeHtml(m[1]) : undefined;
}

// The same-site paths a page links to, without fragments.
export function links(html) {
  const out = [];
  for (const m of html.matchAll(/<a\s[^>]*href="([^"]*)"/g)) {
    const href = unescapeHtml(m[1]).split('#')[0];
    if (href.startsWith('/') && !href.startsWith('//')) out.push(href);
  }
  return out;
}

// The forms of a page: { method, action, fields: [{ name, type, value }] }.
export function forms(html, pageUrl) {
  const out = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const method = (attr(m[1], 'method') ?? 'get').toUpperCase();
    const action = (attr(m[1], 'action') || pageUrl).split('#')[0];
    const fields = [];
    for (const f of m[2].matchAll(/<input\b([^>]*)>|<(textarea|select)\b([^>]*)>([\s\S]*?)<\/\2>/g)) {
      const tag = f[1] ?? f[3];
      const name = attr(tag, 'name');
      if (!name) continue;
      if (f[1] !== undefined) {
        const type = attr(tag, 'type') ?? 'text';
        if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue;
        fields.push({ name, type, value: attr(tag, 'value') ?? (type === 'checkbox' ? 'on' : '') });
      } else if (f[2] === 'textarea') {
        fields.push({ name, type: 'textarea', value: unescapeHtml(f[4]) });
      } else {
        const options = [...f[4].matchAll(/<option\b([^>]*)>/g)];
        const chosen = options.find((o) => /\sselected\b/.test(o[1])) ?? options[0];
        fields.push({ name, type: 'select', value: chosen ? (attr(chosen[1], 'value') ?? '') : '' });
      }
    }
    out.push({ method, action, fields });
  }
  return out;
}

// Crawls from `starts` with `client` (site.mjs Client). Calls keep(page) for every
// HTML answer: { url, status, text }. Returns the forms seen, one per method+action.
export async function crawl(client, starts, keep, { limit = 400 } = {}) {
  const queue = [...starts];
  const seen = new Set();
  const formsSeen = new Map();
  while (queue.length && seen.size < limit) {
    const url = queue.shift();
    if (seen.has(url) || kSkip.test(url)) continue;
    seen.add(url);
    const res = await client.get(url);
    if (res.status >= 300 && res.status < 400) {
      if (res.location.startsWith('/')) queue.push(res.location);
      continue;
    }
    if (!res.type.startsWith('text/html')) continue;
    keep({ url, status: res.status, text: res.text });
    for (const href of links(res.text)) if (!seen.has(href)) queue.push(href);
    for (const f of forms(res.text, url)) {
      const key = `${f.method} ${f.action}`;
      if (!formsSeen.has(key)) formsSeen.set(key, { ...f, page: url });
    }
  }
  return [...formsSeen.values()];
}
