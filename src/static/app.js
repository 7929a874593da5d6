// Memo AI Coach: small enhancements on top of pages that work without JavaScript.
(function () {
  'use strict';

  // Live character counter for the memo textarea (counts code points, like the server).
  function setupCounter(root) {
    var textarea = root.querySelector('textarea[name="text"]');
    var counter = root.querySelector('.char-count');
    if (!textarea || !counter) return;
    var max = Number(counter.getAttribute('data-max'));
    var fmt = new Intl.NumberFormat();
    function update() {
      var n = Array.from(textarea.value).length;
      counter.textContent = fmt.format(n) + ' / ' + fmt.format(max);
      counter.classList.toggle('over', n > max);
    }
    textarea.addEventListener('input', update);
    update();
  }

  // After htmx swaps a panel in, announce its summary through the status region.
  function announce(elt) {
    var region = document.getElementById('announcer');
    var panel = elt && elt.closest ? (elt.matches('[data-announce]') ? elt : elt.querySelector('[data-announce]')) : null;
    var text = panel && panel.getAttribute('data-announce');
    // Polling swaps the same panel every 2 s: say something only when there is news (a new criterion, the result).
    if (region && text && region.textContent !== text) region.textContent = text;
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupCounter(document);
  });
  function afterSwap(evt) {
    var target = (evt.detail && evt.detail.ctx && evt.detail.ctx.target) || evt.target;
    var panel = document.getElementById('evaluation-panel');
    announce(panel || target);
    var form = document.getElementById('submission-form');
    if (form) setupCounter(form);
  }
  // The page sets htmx's metaCharacter to "_" (so attributes like data-hx-status_422 are valid HTML),
  // which also renames htmx's events from htmx:after:swap to htmx_after_swap.
  document.addEventListener('htmx_after_swap', afterSwap);
})();
