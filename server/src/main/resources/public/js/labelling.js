// Labelling on an object page: the class buttons (keys 1, 2, 3) send the label to POST /api/labels
// with the page's CSRF token and add it to the history table; n goes to the next object; s (skip)
// and u (not sure) send POST /api/labels/skips and go to the next object (a skip is not a label).
// After a label the page goes to the next object when "After labelling, go to the next object" is
// ticked (remembered per browser in localStorage, ticked by default). The next object is asked of
// GET /api/queue/next?after=ID once the page has loaded; the "next object" link then points at it
// and its page and cutouts are prefetched. Keys are ignored while typing in a field. Every value
// shown is set as text, never as HTML. Keys act everywhere but in text fields (a ticked box keeps them).
(function () {
  'use strict';
  const form = document.getElementById('label-form');
  const section = document.getElementById('labelling');
  if (!form || !section) { return; }
  const objectId = section.dataset.objectId;
  const status = document.getElementById('label-status');
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const next = document.getElementById('next-object');
  const advance = document.getElementById('auto-advance');
  const today = document.getElementById('labels-today');
  const NAMES = { SN_IA: 'SN Ia', SN_II: 'SN II', OTHER: 'Other' };
  const ADVANCE_KEY = 'ztfclass.labelling.advance';
  let busy = false;

  // the preference: '0' when the box was unticked in this browser; anything else (or no storage) ticks it
  try {
    advance.checked = window.localStorage.getItem(ADVANCE_KEY) !== '0';
    advance.addEventListener('change', () => {
      try { window.localStorage.setItem(ADVANCE_KEY, advance.checked ? '1' : '0'); } catch (e) { /* private mode: not remembered */ }
    });
  } catch (e) { /* no storage: the server's default (ticked) stays */ }

  function goNext() { window.location.href = next.href; }

  function prefetch(url, as) {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.href = url;
    if (as) { link.as = as; }
    document.head.appendChild(link);
  }

  // learn the next object now, so that moving on is one request and its images are already here
  fetch('/api/queue/next?after=' + encodeURIComponent(objectId), { credentials: 'same-origin' })
    .then(r => r.ok ? r.json() : null).then(body => {
      if (!body || !body.object_id || body.object_id === objectId) { return; }
      const page = '/objects/' + encodeURIComponent(body.object_id);
      next.href = page;
      next.dataset.objectId = body.object_id;
      prefetch(page, 'document');
      ['science', 'template', 'difference'].forEach(k => prefetch(page.replace('/objects/', '/api/objects/') + '/cutouts/' + k + '.png', 'image'));
    }).catch(() => { /* the link keeps /queue/next, which asks the server then */ });

  function post(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify(body)
    }).then(r => r.json().then(b => ({ ok: r.ok, body: b })));
  }

  function send(cls) {
    if (busy) { return; }
    const fine = document.getElementById('fine-class').value;
    const conf = document.getElementById('confidence').value;
    const comment = document.getElementById('comment').value;
    const label = { objectId: objectId, class: fine || cls };
    if (conf !== '') { label.confidence = Number(conf); }
    if (comment.trim() !== '') { label.comment = comment; }
    status.textContent = 'Saving…';
    busy = true;
    post('/api/labels', { source: 'web', labels: [label] }).then(({ ok, body }) => {
      busy = false;
      if (!ok) { status.textContent = 'Not saved: ' + (body.error || 'error'); return; }
      if (body.rejected && body.rejected.length) { status.textContent = 'Not saved: ' + body.rejected[0].error; return; }
      if (body.deduplicated) { status.textContent = 'Already saved a moment ago: ' + (fine || NAMES[cls] || cls) + '.'; return; }
      addRow(fine || cls, label);
      countToday();
      document.getElementById('comment').value = '';
      if (advance.checked) {
        status.textContent = 'Saved: ' + (fine || NAMES[cls] || cls) + '. Going to the next object…';
        busy = true; // no second label on this page while it leaves
        goNext();
      } else {
        status.textContent = 'Saved: ' + (fine || NAMES[cls] || cls) + '. Press n for the next object.';
      }
    }).catch(e => { busy = false; status.textContent = 'Not saved: ' + e; });
  }

  function skip(reason) {
    if (busy) { return; }
    status.textContent = 'Saving…';
    busy = true;
    post('/api/labels/skips', { objectId: objectId, reason: reason }).then(({ ok, body }) => {
      if (!ok) { busy = false; status.textContent = 'Not saved: ' + (body.error || 'error'); return; }
      status.textContent = (reason === 'unsure' ? 'Marked not sure' : 'Skipped') + ': not offered to you again. Going to the next object…';
      goNext();
    }).catch(e => { busy = false; status.textContent = 'Not saved: ' + e; });
  }

  function countToday() {
    if (!today) { return; }
    const n = Number(today.dataset.count || 0) + 1;
    today.dataset.count = String(n);
    today.textContent = 'You: ' + n + (n === 1 ? ' label' : ' labels') + ' today (UTC)';
  }

  function addRow(given, label) {
    const body = document.querySelector('#label-history tbody');
    const tr = document.createElement('tr');
    const who = document.querySelector('.who a');
    const top = given === 'SN_IA' || given === 'SN_II' || given === 'OTHER' ? given : '(' + given + ')';
    // the time as every page shows it (web/HtmlTime): 2026-12-04 18:26 UTC, ISO to the second in datetime, to the ms in the tooltip
    const iso = new Date().toISOString();
    const time = document.createElement('time');
    time.dateTime = iso.slice(0, 19) + 'Z';
    time.title = iso;
    time.textContent = iso.slice(0, 10) + ' ' + iso.slice(11, 16) + ' UTC';
    [time, top, given, 'web', who ? who.textContent : '', label.confidence != null ? label.confidence.toFixed(2) : '–',
      label.comment || ''].forEach(v => {
      const td = document.createElement('td');
      if (v instanceof Node) { td.appendChild(v); } else { td.textContent = v; }
      tr.appendChild(td);
    });
    body.appendChild(tr);
    const none = document.getElementById('no-labels');
    if (none) { none.remove(); }
  }

  form.addEventListener('submit', e => {
    e.preventDefault();
    const b = e.submitter;
    if (b && b.name === 'reason') { skip(b.value); return; }
    send(b && b.value ? b.value : 'OTHER');
  });
  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    const t = e.target;
    if (t && ((t.tagName === 'INPUT' && t.type !== 'checkbox') || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) { return; }
    const map = { '1': 'SN_IA', '2': 'SN_II', '3': 'OTHER' };
    if (map[e.key]) { e.preventDefault(); send(map[e.key]); } else if (e.key === 'n') {
      e.preventDefault();
      goNext();
    } else if (e.key === 's' || e.key === 'u') {
      e.preventDefault();
      skip(e.key === 's' ? 'skip' : 'unsure');
    }
  });
})();
