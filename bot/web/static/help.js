// The "Hulp" button in the chat's header (issue 24, item 7): opens the help lines in a
// modal dialog and closes back to the chat exactly where it was (nothing is sent, the
// conversation and the scroll position stay). Keyboard: Enter or Space opens, Tab stays
// inside the panel, Escape or "Sluiten" closes, and focus goes back to where it was.
// Its own file, so the chat's script (chat.js) stays as it is.
//
// The numbers and addresses in chat.html, checked on 2026-12-04 against stored copies of
// published pages (the same sources as domain.yml's help lines and the README, "Safety"):
// - 112: https://www.rijksoverheid.nl/onderwerpen/huiselijk-geweld/vraag-en-antwoord/wat-moet-ik-doen-bij-huiselijk-geweld
//   ("Bent u in direct gevaar, bel dan 112").
// - De Kindertelefoon 0800-0432, bellen en chatten, 8 tot 18 jaar:
//   https://www.vriendenkindertelefoon.nl/kindertelefoon (the Kindertelefoon's support
//   foundation, not kindertelefoon.nl itself, which was not stored: not confirmed there).
// - 113 Zelfmoordpreventie: https://www.113.nl/schoolopdracht ("Bel gratis 113", "Chat met
//   ons"); 0800-0113: https://www.nu.nl/binnenland/6062813/hulplijn-113-nu-ook-rechtstreeks-bereikbaar-voor-zelfmoordpreventie.html
//   (news; not on the stored 113.nl page).
// - Veilig Thuis 0800 2000, 24/7, gratis: https://veiligthuisgm.nl/veelgestelde-vragen-aan-veilig-thuis
//   (a Veilig Thuis organisation; veiligthuis.nl itself was not stored).
// - Centrum Seksueel Geweld 0800-0188, 24/7:
//   https://www.centrumseksueelgeweld.nl/category/in-de-media/
// - Helpwanted (online sexual abuse, sextortion): http://www.helpwanted.nl/en ("chat with
//   Helpwanted, reach us by telephone on 020 - 261 52 75 ... Free and anonymous").
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
