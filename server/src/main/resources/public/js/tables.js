// Tables on narrow screens read as label/value rows: every body cell gets its column header's text
// as data-label (shown before the value by the stylesheet below 600 px), and the table keeps its
// meaning for assistive technology through explicit ARIA table roles, which a change of CSS
// display does not remove. A table box that scrolls sideways becomes a focusable, named region so
// that the keyboard can scroll it. Loaded on every page by the layout.
(function () {
  'use strict';
  document.querySelectorAll('main table').forEach(table => {
    const head = table.tHead && table.tHead.rows[0];
    if (!head) { return; }
    const labels = [];
    [...head.cells].forEach(c => { for (let k = 0; k < (c.colSpan || 1); k++) { labels.push(c.textContent.trim()); } });
    table.setAttribute('role', 'table');
    [table.tHead, ...table.tBodies].forEach(group => group.setAttribute('role', 'rowgroup'));
    [...head.cells].forEach(c => c.setAttribute('role', 'columnheader'));
    head.setAttribute('role', 'row');
    const label = row => {
      row.setAttribute('role', 'row');
      let col = 0;
      [...row.cells].forEach(c => {
        c.setAttribute('role', c.tagName === 'TH' ? 'rowheader' : 'cell');
        if (labels[col] && !c.hasAttribute('data-label')) { c.setAttribute('data-label', labels[col]); }
        col += c.colSpan || 1;
      });
    };
    [...table.tBodies].forEach(body => {
      [...body.rows].forEach(label);
      new MutationObserver(changes => changes.forEach(ch => ch.addedNodes.forEach(n => { if (n.tagName === 'TR') { label(n); } })))
        .observe(body, { childList: true });
    });
    table.classList.add('reflow');
  });
  // a table wider than its box scrolls inside it: make that box reachable and scrollable by keyboard
  function focusableScrollers() {
    document.querySelectorAll('main .scroll').forEach(box => {
      if (box.scrollWidth > box.clientWidth + 1 && !box.hasAttribute('tabindex')) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        const caption = box.querySelector('caption');
        box.setAttribute('aria-label', 'Table: ' + (caption ? caption.textContent.trim() : 'scrolls sideways'));
      }
    });
  }
  focusableScrollers();
  window.addEventListener('resize', focusableScrollers);
  window.addEventListener('load', focusableScrollers);
})();
