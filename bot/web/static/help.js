// The "Hulp" button in the chat's header (issue 24, item 7): opens the help lines in a
// modal dialog and closes back to the chat exactly where it was (nothing is sent, the
// conversation and the scroll position stay). Keyboard: Enter or Space opens, Tab stays
// inside the panel, Escape or "Sluiten" closes, and focus goes back to where it was.
// Its own file, so the chat's script (chat.js) stays as it is.
//
// The numbers and addresses in chat.html were checked on 2026-12-04 against stored copies of
// the organisations' published pages; the sources (addresses and quotes) are in the README's
// "Safety" table and beside domain.yml's help lines. They are not repeated here: the widget's
// files name no other host (tests/test_chat_routes.py).
(function () {
  "use strict";

  var opener = document.getElementById("help-open");
  var panel = document.getElementById("help-panel");
  var closer = document.getElementById("help-close");
  if (!opener || !panel || !closer) return;

  var returnTo = null; // what had focus before the panel opened
  var scrollArea = document.querySelector("main");
  var scrollTop = 0;

  function focusable() {
    return Array.prototype.filter.call(
      panel.querySelectorAll("a[href], button:not([disabled])"),
      function (node) { return node.offsetParent !== null || node === document.activeElement; }
    );
  }

  function open() {
    if (panel.open) return;
    returnTo = document.activeElement && document.activeElement !== document.body ? document.activeElement : opener;
    scrollTop = scrollArea ? scrollArea.scrollTop : 0;
    if (typeof panel.showModal === "function") panel.showModal();
    else panel.setAttribute("open", "");
    opener.setAttribute("aria-expanded", "true");
    closer.focus();
  }

  function close() {
    if (typeof panel.close === "function" && panel.open) panel.close();
    else panel.removeAttribute("open");
  }

  // Every way of closing (Sluiten, Escape, the browser) ends here.
  function closed() {
    opener.setAttribute("aria-expanded", "false");
    if (scrollArea) scrollArea.scrollTop = scrollTop; // the chat where it was
    var target = returnTo && document.contains(returnTo) ? returnTo : opener;
    returnTo = null;
    target.focus();
  }

  opener.setAttribute("aria-expanded", "false");
  opener.addEventListener("click", open);
  closer.addEventListener("click", close);
  panel.addEventListener("close", closed);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
      return;
    }
    if (event.key !== "Tab") return;
    // Keep Tab inside the panel (a modal dialog), also where the browser would leave it.
    var items = focusable();
    if (!items.length) return;
    var first = items[0];
    var last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  // A click on the dimmed page around the panel closes it too.
  panel.addEventListener("click", function (event) {
    if (event.target !== panel) return;
    var box = panel.getBoundingClientRect();
    var inside = event.clientX >= box.left && event.clientX <= box.right &&
      event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) close();
  });
})();
