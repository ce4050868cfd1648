// Labelling on an object page: the class buttons (keys 1, 2, 3) send the label to POST /api/labels
// with the page's CSRF token and add it to the history table; n goes to the next object. Keys are
// ignored while typing in a field. Every value shown is set as text, never as HTML.
(function () {
  'use strict';
  const form = document.getElementById('label-form');
  const section = document.getElementById('labelling');
  if (!form || !section) { return; }
  const objectId = section.dataset.objectId;
  const status = document.getElementById('label-status');
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const NAMES = { SN_IA: 'SN Ia', SN_II: 'SN II', OTHER: 'Other' };

  function send(cls) {
    const fine = document.getElementById('fine-class').value;
    const conf = document.getElementById('confidence').value;
    const comment = document.getElementById('comment').value;
    const label = { objectId: objectId, class: fine || cls };
    if (conf !== '') { label.confidence = Number(conf); }
    if (comment.trim() !== '') { label.comment = comment; }
    status.textContent = 'Saving…';
    fetch('/api/labels', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ source: 'web', labels: [label] })
    }).then(r => r.json().then(body => ({ ok: r.ok, body: body }))).then(({ ok, body }) => {
      if (!ok) { status.textContent = 'Not saved: ' + (body.error || 'error'); return; }
      if (body.rejected && body.rejected.length) { status.textContent = 'Not saved: ' + body.rejected[0].error; return; }
      if (body.deduplicated) { status.textContent = 'Already saved a moment ago: ' + (fine || NAMES[cls] || cls) + '.'; return; }
      addRow(fine || cls, label);
      status.textContent = 'Saved: ' + (fine || NAMES[cls] || cls) + '. Press n for the next object.';
      document.getElementById('comment').value = '';
    }).catch(e => { status.textContent = 'Not saved: ' + e; });
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
    const cls = e.submitter && e.submitter.value ? e.submitter.value : 'OTHER';
    send(cls);
  });
  document.addEventListener('keydown', e => {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) { return; }
    const map = { '1': 'SN_IA', '2': 'SN_II', '3': 'OTHER' };
    if (map[e.key]) { e.preventDefault(); send(map[e.key]); } else if (e.key === 'n') {
      e.preventDefault();
      window.location.href = document.getElementById('next-object').href;
    }
  });
})();
