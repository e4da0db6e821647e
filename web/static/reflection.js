// Optional extra on a reflection section (form[data-autosave]): saves the
// section as a draft while the person types, by posting the same form
// (same fields, same CSRF token) with Accept: application/json; the answer
// carries the new version, which goes into the form so "Weiter" does not
// conflict with the draft. Without JavaScript the buttons save. Messages come
// from the status element's data-* attributes (the page's language).
'use strict';

(() => {
  const form = document.querySelector('form[data-autosave]');
  const status = document.getElementById('autosave-status');
  if (!form || !status || !window.fetch) return;
  const version = form.querySelector('input[name="version"]');
  let timer = 0;
  let sending = false;
  let again = false;
  let stopped = false;
  let pending = false;    // the form was sent while a draft was on its way
  let submitter = null;  // and by this button
  let dirty = false;     // typed since the last draft was saved

  const say = (key) => { status.textContent = status.dataset[key] || ''; };

  const save = async () => {
    if (stopped) return;
    if (sending) { again = true; return; }
    sending = true;
    dirty = false;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(form)),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
        redirect: 'manual',
      });
      const type = res.headers.get('Content-Type') || '';
      if (res.ok && type.startsWith('application/json')) {
        const body = await res.json();
        if (version && body.version !== undefined) version.value = String(body.version);
        say('saved');
      } else if (res.status === 409) {
        stopped = true;  // the buttons show both texts
        say('conflict');
      } else if (res.status === 401 || res.status === 403 || res.type === 'opaqueredirect') {
        stopped = true;  // the buttons lead to sign-in with the text kept
        say('expired');
      } else {
        dirty = true;
        say('failed');
      }
    } catch {
      dirty = true;
      say('failed');
    } finally {
      sending = false;
      if (pending) {
        // Send the form with the version the draft just got, as the button asked.
        pending = false;
        stopped = true;
        if (submitter) form.requestSubmit(submitter); else form.requestSubmit();
      } else if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2000);
  };
  const changed = () => { dirty = true; schedule(); };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  // Leaving by a link (the breadcrumb, the overview) or closing the tab before
  // the timer ran: the draft goes out anyway (keepalive outlives the page).
  window.addEventListener('pagehide', () => {
    if (!dirty || stopped || sending) return;
    window.clearTimeout(timer);
    fetch(form.action, {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      keepalive: true,
    });
  });
  form.addEventListener('submit', (event) => {
    window.clearTimeout(timer);
    if (sending && !stopped) {
      event.preventDefault();
      pending = true;
      submitter = event.submitter || null;
      return;
    }
    stopped = true;
  });
})();
