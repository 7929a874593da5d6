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
    if (region && panel) region.textContent = panel.getAttribute('data-announce');
  }

  document.addEventListener('DOMContentLoaded', function () {
    setupCounter(document);
  });
  document.addEventListener('htmx:after:swap', function (evt) {
    var target = (evt.detail && evt.detail.ctx && evt.detail.ctx.target) || evt.target;
    var panel = document.getElementById('evaluation-panel');
    announce(panel || target);
    var form = document.getElementById('submission-form');
    if (form) setupCounter(form);
  });
})();
