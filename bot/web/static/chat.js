// Small chat client for the Rasa REST channel. Everything shown is set with textContent,
// so nothing the bot or the youth writes can become HTML.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var status = document.getElementById("status");
  var form = document.getElementById("send");
  var input = document.getElementById("text");
  var sender = localStorage.getItem("jim-sender");
  if (!sender) {
    sender = "web-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
    localStorage.setItem("jim-sender", sender);
  }
  var rasaUrl = null;

  function add(cls, text) {
    var div = document.createElement("div");
    div.className = "msg " + cls;
    div.textContent = text;
    log.appendChild(div);
    div.scrollIntoView({ block: "end" });
  }

  function showButtons(buttons) {
    var row = document.createElement("div");
    row.className = "buttons";
    buttons.forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b.title;
      btn.addEventListener("click", function () {
        row.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        send(b.payload, b.title);
      });
      row.appendChild(btn);
    });
    log.appendChild(row);
  }

  function send(message, shown) {
    if (shown) add("me", shown);
    status.textContent = "...";
    return fetch(rasaUrl + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: sender, message: message })
    }).then(function (r) { return r.json(); }).then(function (replies) {
      status.textContent = "";
      replies.forEach(function (m) {
        if (m.text) add("bot", m.text);
        if (m.buttons && m.buttons.length) showButtons(m.buttons);
      });
    }).catch(function () {
      status.textContent = "Het lukt nu even niet. Probeer het zo nog eens.";
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text, text);
  });

  fetch("/config.json").then(function (r) { return r.json(); }).then(function (cfg) {
    rasaUrl = cfg.rasa_url;
    var invite = new URLSearchParams(location.search).get("invite");
    send(invite ? '/start{"invite_code":' + JSON.stringify(invite) + "}" : "/start");
  });
})();
