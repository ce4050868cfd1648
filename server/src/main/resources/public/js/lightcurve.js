// Interactive light curve of an object page, drawn with uPlot from the points embedded in #lc-data
// ([mjd, band, mag, err, limit] rows). Zoom: drag across the plot, or the buttons / + and - keys;
// pan: the buttons or the arrow keys on the plot; reset: double click or the button. Bands toggle
// with check boxes; the legend shows the values under the cursor. Magnitude axis inverted; upper
// limits drawn as downward triangles (the source was fainter than that); other instruments' optical
// points (ZTF forced photometry, ATLAS, PS1; #lc-other) as hollow series of their own; when both g and r were
// detected, a second panel shows the colour g − r of g and r detections less than a day apart.
(function () {
  'use strict';
  const holder = document.getElementById('lc-plot');
  const dataEl = document.getElementById('lc-data');
  if (!holder || !dataEl || typeof uPlot === 'undefined') { return; }
  const rows = JSON.parse(dataEl.textContent);
  const otherEl = document.getElementById('lc-other');
  // other instruments' optical points ([mjd, "INSTRUMENT band", mag, err, limit]): ZTF forced photometry, ATLAS, PS1
  const others = otherEl ? JSON.parse(otherEl.textContent) : [];
  const OTHER_COLOURS = { g: '#0072B2', r: '#D55E00', i: '#CC79A7', o: '#E69F00', c: '#009E73' };
  const OTHERS = [...new Set(others.map(r => r[1]))].sort().map(key => {
    const band = key.split(' ').pop();
    return { key: key, colour: OTHER_COLOURS[band] || '#555555' };
  });
  const BANDS = [
    { key: 'g', colour: '#0072B2', shape: 'circle' },
    { key: 'r', colour: '#D55E00', shape: 'square' },
    { key: 'i', colour: '#CC79A7', shape: 'triangle' }
  ].filter(b => rows.some(r => r[1] === b.key));
  const everyPoint = rows.concat(others).sort((a, b) => a[0] - b[0]);
  const firstDetection = (everyPoint.find(r => r[2] !== null) || everyPoint[0])[0];
  const PAIR_DAYS = 1.0;
  const colourHolder = document.createElement('div');
  colourHolder.className = 'plot';
  colourHolder.id = 'lc-colour';
  colourHolder.setAttribute('role', 'img');
  colourHolder.setAttribute('aria-label', 'Colour g minus r against time, from g and r detections less than a day apart');
  let colourPlot = null;
  const controls = document.getElementById('lc-controls');
  let mode = 'days';
  let plot = null;
  const shown = {};
  BANDS.forEach(b => { shown[b.key] = true; });
  OTHERS.forEach(o => { shown[o.key] = true; });

  function build() {
    const offset = mode === 'days' ? firstDetection : 0;
    const xs = [...new Set(rows.concat(others).map(r => r[0]))].sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const data = [xs.map(x => x - offset)];
    const errors = [];
    const limitSeries = [];
    const series = [{ label: mode === 'days' ? 'Days since first detection' : 'MJD',
      value: (u, v) => v == null ? '–' : v.toFixed(mode === 'days' ? 2 : 4) }];
    // one detection series and one upper-limit series per band (filled points) and per other instrument (hollow points)
    function addSeries(key, colour, source, points) {
      const det = new Array(xs.length).fill(null);
      const err = new Array(xs.length).fill(null);
      const lim = new Array(xs.length).fill(null);
      source.forEach(r => {
        if (r[1] !== key) { return; }
        const i = index.get(r[0]);
        if (r[2] !== null) { det[i] = r[2]; err[i] = r[3]; } else if (r[4] !== null) { lim[i] = r[4]; }
      });
      data.push(det, lim);
      errors.push(err, null);
      limitSeries.push(false, true);
      series.push({ label: key + ' mag', stroke: colour, width: 0, show: shown[key], points: points,
        value: (u, v, s, i) => v == null ? '–' : v.toFixed(2) + (err[i] != null ? ' ± ' + err[i].toFixed(2) : '') });
      series.push({ label: key + ' limit', stroke: colour, width: 0, show: shown[key],
        points: { show: false },
        value: (u, v) => v == null ? '–' : 'fainter than ' + v.toFixed(2) });
    }
    BANDS.forEach(b => addSeries(b.key, b.colour, rows, { show: true, size: 7, fill: b.colour, stroke: b.colour }));
    OTHERS.forEach(o => addSeries(o.key, o.colour, others, { show: true, size: 6, fill: '#ffffff', stroke: o.colour, width: 1.5 }));
    const errorBars = {
      hooks: {
        draw: [u => {
          const ctx = u.ctx;
          ctx.save();
          ctx.lineWidth = 1.5 * devicePixelRatio;
          for (let s = 1; s < u.series.length; s++) {
            const err = errors[s - 1];
            if (!err || !u.series[s].show) { continue; }
            ctx.strokeStyle = u.series[s].stroke();
            ctx.beginPath();
            for (let i = 0; i < u.data[0].length; i++) {
              const m = u.data[s][i];
              if (m == null || err[i] == null) { continue; }
              const x = Math.round(u.valToPos(u.data[0][i], 'x', true));
              ctx.moveTo(x, u.valToPos(m - err[i], 'y', true));
              ctx.lineTo(x, u.valToPos(m + err[i], 'y', true));
            }
            ctx.stroke();
          }
          // upper limits: downward triangles, point at the limit
          const r = 5 * devicePixelRatio;
          for (let s = 1; s < u.series.length; s++) {
            if (!limitSeries[s - 1] || !u.series[s].show) { continue; }
            ctx.fillStyle = u.series[s].stroke();
            ctx.globalAlpha = 0.55;
            ctx.beginPath();
            for (let i = 0; i < u.data[0].length; i++) {
              const m = u.data[s][i];
              if (m == null) { continue; }
              const x = u.valToPos(u.data[0][i], 'x', true);
              const y = u.valToPos(m, 'y', true);
              ctx.moveTo(x - r, y - 1.6 * r);
              ctx.lineTo(x + r, y - 1.6 * r);
              ctx.lineTo(x, y);
              ctx.closePath();
            }
            ctx.fill();
            ctx.globalAlpha = 1;
          }
          ctx.restore();
        }]
      }
    };
    const width = Math.max(280, holder.clientWidth || 600);
    const opts = {
      width: width, height: Math.min(360, Math.max(240, Math.round(width * 0.55))),
      plugins: [errorBars],
      scales: { x: { time: false }, y: { dir: -1 } },
      axes: [{ label: series[0].label }, { label: 'Magnitude (AB)' }],
      cursor: { drag: { x: true, y: true, uni: 20 } },
      series: series
    };
    if (plot) { plot.destroy(); }
    holder.textContent = '';
    plot = new uPlot(opts, data, holder);
    buildColour(offset, width);
  }

  /** g − r of each g detection and the nearest r detection within PAIR_DAYS, at their mean time. */
  function colours() {
    const g = rows.filter(r => r[1] === 'g' && r[2] !== null);
    const rr = rows.filter(r => r[1] === 'r' && r[2] !== null);
    const out = [];
    g.forEach(p => {
      let best = null;
      rr.forEach(q => { if (Math.abs(q[0] - p[0]) <= PAIR_DAYS && (!best || Math.abs(q[0] - p[0]) < Math.abs(best[0] - p[0]))) { best = q; } });
      if (best) {
        out.push([(p[0] + best[0]) / 2, p[2] - best[2], Math.hypot(p[3] || 0, best[3] || 0)]);
      }
    });
    return out.sort((a, b) => a[0] - b[0]);
  }

  function buildColour(offset, width) {
    const pairs = colours();
    if (colourPlot) { colourPlot.destroy(); colourPlot = null; }
    if (pairs.length === 0) { colourHolder.remove(); return; }
    if (!colourHolder.isConnected) { holder.after(colourHolder); }
    colourHolder.textContent = '';
    const xs = pairs.map(p => p[0] - offset);
    const cs = pairs.map(p => p[1]);
    const es = pairs.map(p => p[2]);
    const bars = { hooks: { draw: [u => {
      const ctx = u.ctx;
      ctx.save();
      ctx.strokeStyle = '#333';
      ctx.lineWidth = 1.5 * devicePixelRatio;
      ctx.beginPath();
      for (let i = 0; i < xs.length; i++) {
        const x = Math.round(u.valToPos(xs[i], 'x', true));
        ctx.moveTo(x, u.valToPos(cs[i] - es[i], 'y', true));
        ctx.lineTo(x, u.valToPos(cs[i] + es[i], 'y', true));
      }
      ctx.stroke();
      ctx.restore();
    }] } };
    const main = plot.scales.x;
    colourPlot = new uPlot({
      width: width, height: 150, plugins: [bars],
      scales: { x: { time: false, range: () => [main.min, main.max] } },
      axes: [{ label: mode === 'days' ? 'Days since first detection' : 'MJD' }, { label: 'g − r (mag)' }],
      cursor: { drag: { x: false, y: false } },
      series: [{ label: mode === 'days' ? 'Days' : 'MJD', value: (u, v) => v == null ? '–' : v.toFixed(2) },
        { label: 'g − r', stroke: '#333', width: 0, points: { show: true, size: 6, fill: '#333', stroke: '#333' },
          value: (u, v, s, i) => v == null ? '–' : v.toFixed(2) + ' ± ' + es[i].toFixed(2) }]
    }, [xs, cs], colourHolder);
  }

  function zoom(factor, shift) {
    const sc = plot.scales.x;
    const span = sc.max - sc.min;
    const mid = (sc.max + sc.min) / 2 + shift * span;
    plot.setScale('x', { min: mid - span * factor / 2, max: mid + span * factor / 2 });
    if (colourPlot) { colourPlot.setScale('x', { min: plot.scales.x.min, max: plot.scales.x.max }); }
  }

  function button(text, action) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', action);
    controls.appendChild(b);
  }

  BANDS.concat(OTHERS).forEach((b, k) => {
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = true;
    box.addEventListener('change', () => {
      shown[b.key] = box.checked;
      plot.setSeries(1 + 2 * k, { show: box.checked });
      plot.setSeries(2 + 2 * k, { show: box.checked });
    });
    label.appendChild(box);
    label.appendChild(document.createTextNode(' ' + b.key + (k < BANDS.length ? ' band' : '')));
    label.style.flexDirection = 'row';
    controls.appendChild(label);
  });
  const axis = document.createElement('label');
  axis.textContent = 'Time axis ';
  axis.style.flexDirection = 'row';
  const select = document.createElement('select');
  [['days', 'days since first detection'], ['mjd', 'MJD']].forEach(([v, t]) => {
    const o = document.createElement('option');
    o.value = v;
    o.textContent = t;
    select.appendChild(o);
  });
  select.addEventListener('change', () => { mode = select.value; build(); });
  axis.appendChild(select);
  controls.appendChild(axis);
  button('Zoom in', () => zoom(0.5, 0));
  button('Zoom out', () => zoom(2, 0));
  button('Pan left', () => zoom(1, -0.25));
  button('Pan right', () => zoom(1, 0.25));
  button('Reset', () => build());
  controls.hidden = false;
  holder.tabIndex = 0;
  holder.addEventListener('keydown', e => {
    const keys = { ArrowLeft: [1, -0.1], ArrowRight: [1, 0.1], '+': [0.5, 0], '=': [0.5, 0], '-': [2, 0] };
    if (keys[e.key]) { zoom(keys[e.key][0], keys[e.key][1]); e.preventDefault(); e.stopPropagation(); }
  });
  holder.addEventListener('dblclick', () => build());
  build();
  let lastWidth = holder.clientWidth;
  window.addEventListener('resize', () => {
    if (Math.abs(holder.clientWidth - lastWidth) > 20) { lastWidth = holder.clientWidth; build(); }
  });
})();
