/* Laman ZI — the plan page prints the decree complete and in its own order.
 *
 * The preamble is folded in <details class="zi-naskah">; tabel.css opens it for print
 * (::details-content), so nothing here is needed for a complete print. This only opens it
 * in browsers without that rule, and folds it back afterwards.
 */
(function () {
  "use strict";
  var dibuka = [];
  window.addEventListener("beforeprint", function () {
    dibuka = Array.prototype.filter.call(document.querySelectorAll("details.zi-naskah"), function (d) { return !d.open; });
    dibuka.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    dibuka.forEach(function (d) { d.open = false; });
    dibuka = [];
  });
})();
