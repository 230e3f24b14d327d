// The /jim page and the letter: the print button (no inline script: the CSP allows scripts
// from this site only). Printing or "Opslaan als PDF" is the browser's own.
"use strict";
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
