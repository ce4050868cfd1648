// The continuous-learning dashboard (/learning): shows the running retraining job's stage and
// progress (polling /api/learning/jobs every 2 s while one runs) and starts a job from the
// "Start a retraining" button (POST /api/learning/jobs with the page's CSRF token, read from the
// layout's <meta name="csrf-token">; the server refuses non-admins and says why).
(function () {
  'use strict';
  const box = document.getElementById('job');
  const start = document.getElementById('start');
  if (!box || !start) { return; }
  const csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';

  function show(job) {
    if (!job) {
      const p = document.createElement('p');
      p.textContent = 'No retraining is running.';
      box.replaceChildren(p);
      return false;
    }
    const p = document.createElement('p');
    p.textContent = 'Job ' + job.id + ': ' + job.stage;
    const g = document.createElement('progress');
    g.max = 1;
    g.value = job.progress;
    g.setAttribute('aria-label', 'retraining progress');
    g.textContent = Math.round(100 * job.progress) + '%';
    box.replaceChildren(p, g);
    return true;
  }

  function poll() {
    fetch('/api/learning/jobs?limit=1').then(r => r.json()).then(b => {
      if (show(b.running)) { setTimeout(poll, 2000); }
    });
  }

  start.addEventListener('click', () => {
    fetch('/api/learning/jobs', { method: 'POST', headers: { 'X-CSRF-Token': csrf } })
      .then(r => r.json())
      .then(b => {
        if (b.error) {
          const p = document.createElement('p');
          p.textContent = b.error;
          box.replaceChildren(p);
        } else {
          poll();
        }
      });
  });
  if (start.dataset.running === 'true') { poll(); }
})();
