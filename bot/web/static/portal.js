// Coach portal: the two small behaviours the pages had as inline handlers. They live here
// because the portal's Content-Security-Policy allows scripts from this site only.
"use strict";
(function () {
  // The status filter applies at once (the <noscript> button does it without script).
  Array.prototype.forEach.call(document.querySelectorAll("[data-submit-on-change]"), function (field) {
    field.addEventListener("change", function () { field.form.submit(); });
  });
  // One click selects the whole invite link, ready to copy.
  Array.prototype.forEach.call(document.querySelectorAll("[data-select-on-click]"), function (field) {
    field.addEventListener("click", function () { field.select(); });
  });
})();
