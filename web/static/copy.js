// Optional extra: a "copy" button after each field with data-copy-label (the
// Werkstatt's composed prompt and checked text, an invitation link). The page
// works without it (select the text and copy it by hand); without the Clipboard
// API (plain HTTP off localhost) no button appears. Labels come from the
// field's data-copy-label/data-copied-label.
'use strict';

(() => {
  if (!navigator.clipboard || !window.isSecureContext) return;
  for (const area of document.querySelectorAll('textarea[data-copy-label], input[data-copy-label]')) {
    const row = document.createElement('p');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.textContent = area.dataset.copyLabel;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    status.className = 'copied';
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(area.value);
        status.textContent = area.dataset.copiedLabel;
      } catch {
        area.focus();
        area.select();
      }
    });
    row.append(button, ' ', status);
    area.after(row);
  }
})();
