// The print button of the demo summary (a file, so the page keeps its strict CSP).
(function () {
  "use strict";
  var button = document.getElementById("print");
  if (button) button.addEventListener("click", function () { window.print(); });
})();
