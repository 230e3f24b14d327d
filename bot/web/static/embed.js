// Put the JIM-kiezer chat on another site:
//   <script src="https://JIM-KIEZER-HOST/static/embed.js" data-invite="CODE" defer></script>
// Shows a floating "Praat met mij" button that opens the chat in an iframe.
// data-invite is optional. Everything is built with DOM calls, no HTML strings.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || document.getElementById("jim-kiezer-launcher")) return;
  var origin = new URL(script.src, window.location.href).origin;
  var invite = script.getAttribute("data-invite");
  var url = origin + "/" + (invite ? "?invite=" + encodeURIComponent(invite) : "");

  function css(node, rules) {
    Object.keys(rules).forEach(function (name) { node.style[name] = rules[name]; });
  }

  var button = document.createElement("button");
  button.id = "jim-kiezer-launcher";
  button.type = "button";
  button.textContent = "💬 Praat met mij";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "jim-kiezer-frame");
  css(button, {
    position: "fixed", right: "16px", bottom: "16px", zIndex: "2147483000",
    minHeight: "56px", minWidth: "56px", padding: "0 20px", borderRadius: "28px",
    border: "2px solid #ffffff", background: "#1f5f8b", color: "#ffffff",
    font: "600 18px/1.2 system-ui, sans-serif", cursor: "pointer",
    boxShadow: "0 4px 14px rgba(0,0,0,.3)"
  });

  var frame = null;

  function open() {
    if (!frame) {
      frame = document.createElement("iframe");
      frame.id = "jim-kiezer-frame";
      frame.title = "Chat: kies jouw JIM";
      frame.src = url;
      frame.setAttribute("allow", "autoplay");
      css(frame, {
        position: "fixed", right: "16px", bottom: "88px", zIndex: "2147483000",
        width: "min(420px, calc(100vw - 32px))", height: "min(680px, calc(100vh - 112px))",
        border: "2px solid #1f5f8b", borderRadius: "16px", background: "#f7f5f0",
        boxShadow: "0 6px 24px rgba(0,0,0,.3)"
      });
      document.body.appendChild(frame);
    }
    frame.hidden = false;
    frame.style.display = "block";
    button.textContent = "✖ Sluit de chat";
    button.setAttribute("aria-expanded", "true");
    frame.focus();
  }

  function close() {
    frame.style.display = "none";
    button.textContent = "💬 Praat met mij";
    button.setAttribute("aria-expanded", "false");
  }

  button.addEventListener("click", function () {
    if (frame && frame.style.display !== "none") close();
    else open();
  });

  function mount() { document.body.appendChild(button); }
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
