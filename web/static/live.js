// Optional extra on a live room (web/templates/live/room.mustache): listens to
// the session's events (Server-Sent Events) and fetches the board again when it
// changed, keeping focus, open edit forms and half-typed text; counts the
// step's time down from the server's remaining seconds; tells screen readers
// sparingly what happened (a polite live region). Without JavaScript the page
// works with its forms and the "Aktualisieren" link. Messages come from the
// data-* attributes of the page (its language).
'use strict';

(() => {
  const room = document.getElementById('live-room');
  const announcer = document.getElementById('live-announce');
  if (!room || !announcer) return;

  const fill = (text, values) =>
    String(text || '').replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));

  // --- the countdown: from the server's seconds, never from the device's clock ---
  let timerEl = null;
  let deadline = 0;
  const tick = () => {
    const el = document.getElementById('live-timer');
    if (!el || el.hasAttribute('data-paused')) return;
    if (el !== timerEl) {
      timerEl = el;
      deadline = Date.now() + Number(el.dataset.remaining || 0) * 1000;
    }
    const left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    const text = left > 0
      ? fill(el.dataset.formatLeft, { minutes: Math.floor(left / 60), seconds: left % 60 })
      : el.dataset.formatOver;
    if (el.textContent !== text) el.textContent = text;
    el.setAttribute('datetime', 'PT' + Math.floor(left / 60) + 'M' + (left % 60) + 'S');
  };
  window.setInterval(tick, 1000);

  if (!window.EventSource || !window.fetch || !window.DOMParser) return;

  // --- announcements: at most one routine message every 10 seconds ---
  let lastSaid = 0;
  const say = (text, always) => {
    const now = Date.now();
    if (!text || (!always && now - lastSaid < 10000)) return;
    lastSaid = now;
    announcer.textContent = '';
    window.setTimeout(() => { announcer.textContent = text; }, 100);
  };

  // --- fetching the board again ---
  const known = new Set();
  document.querySelectorAll('#live-board [data-card]').forEach((el) => known.add(el.dataset.card));

  // What the person is doing inside the board, to put back after the swap.
  const remember = (board) => {
    const active = document.activeElement;
    const state = {
      focus: active && board.contains(active) && active.id ? active.id : '',
      selection: null,
      open: [],
      typed: [],
    };
    if (state.focus && typeof active.selectionStart === 'number') {
      state.selection = [active.selectionStart, active.selectionEnd];
    }
    board.querySelectorAll('details[open][id]').forEach((d) => state.open.push(d.id));
    board.querySelectorAll('textarea[id]').forEach((t) => {
      if (t.value !== t.defaultValue) state.typed.push([t.id, t.value]);
    });
    return state;
  };
  const restore = (state) => {
    state.open.forEach((id) => {
      const d = document.getElementById(id);
      if (d) d.open = true;
    });
    state.typed.forEach(([id, value]) => {
      const t = document.getElementById(id);
      if (t) t.value = value;
    });
    const el = state.focus && document.getElementById(state.focus);
    if (el) {
      el.focus({ preventScroll: true });
      if (state.selection && typeof el.setSelectionRange === 'function') {
        el.setSelectionRange(state.selection[0], state.selection[1]);
      }
    }
  };

  let fetching = false;
  let again = false;
  const refresh = async () => {
    if (fetching) { again = true; return; }
    fetching = true;
    try {
      const res = await fetch(room.dataset.board, {
        credentials: 'same-origin', headers: { Accept: 'text/html' }, cache: 'no-store',
      });
      if (!res.ok) return;
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const fresh = doc.getElementById('live-board');
      const board = document.getElementById('live-board');
      if (fresh && board) {
        const state = remember(board);
        board.replaceWith(document.adoptNode(fresh));
        restore(state);
      }
      // The add-card form only while nobody types in it (a changed step gives it new columns).
      const add = document.getElementById('live-add');
      const freshAdd = doc.getElementById('live-add');
      const text = document.getElementById('live-add-text');
      if (add && freshAdd && !add.contains(document.activeElement) && !(text && text.value)) {
        add.replaceWith(document.adoptNode(freshAdd));
      }
    } catch (e) {
      // The network is gone for a moment: the next event or the reload link helps.
    } finally {
      fetching = false;
      if (again) { again = false; refresh(); }
    }
  };

  const data = (e) => {
    try { return JSON.parse(e.data); } catch (err) { return {}; }
  };

  const source = new EventSource(room.dataset.events);
  let opened = false;
  source.addEventListener('open', () => {
    if (opened) refresh();  // back after a break: whatever was missed is on the board now
    opened = true;
  });
  source.addEventListener('card', (e) => {
    const card = data(e).card || {};
    const id = String(card.id || '');
    const isNew = id && !known.has(id);
    if (id) known.add(id);
    refresh().then(() => { if (isNew) say(announcer.dataset.newCard, false); });
  });
  source.addEventListener('card-removed', () => { refresh(); });
  source.addEventListener('board', (e) => {
    const revealed = data(e).reveal !== undefined;
    refresh().then(() => { if (revealed) say(announcer.dataset.revealed, true); });
  });
  source.addEventListener('step', () => {
    refresh().then(() => {
      const heading = document.getElementById('live-step-heading');
      if (heading) say(fill(announcer.dataset.step, { title: heading.dataset.title || '' }), true);
    });
  });
  source.addEventListener('ended', () => {
    source.close();
    refresh().then(() => say(announcer.dataset.ended, true));
  });
})();
