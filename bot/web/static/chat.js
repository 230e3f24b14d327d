// The youth's chat. No build step, no libraries: plain browser APIs.
// Safety: everything the bot or the youth writes is put on the page with textContent or
// DOM nodes, never as HTML. The page only talks to its own server (/chat/...).
// Nothing gets lost: every message waits in a queue in localStorage until the server has it.
// The conversation belongs to this browser: the server makes its id and a secret (POST
// /chat/new); both stay in localStorage and the secret goes with every request in the
// X-Chat-Secret header, never in a URL.
(function () {
  "use strict";

  // ---- storage (localStorage may be blocked, e.g. in a third-party iframe) ----
  var store = (function () {
    try {
      var probe = "jim-probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (e) {
      var memory = {};
      return {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(memory, k) ? memory[k] : null; },
        setItem: function (k, v) { memory[k] = String(v); },
        removeItem: function (k) { delete memory[k]; }
      };
    }
  })();

  var KEY = {
    sender: "jim-sender", secret: "jim-secret", invite: "jim-invite", queue: "jim-queue",
    size: "jim-size", contrast: "jim-contrast", autoread: "jim-autoread"
  };

  function readJSON(key, fallback) {
    try {
      var value = JSON.parse(store.getItem(key));
      return value === null ? fallback : value;
    } catch (e) {
      return fallback;
    }
  }

  function randomId() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // ---- elements ----
  var $ = function (id) { return document.getElementById(id); };
  var root = document.documentElement;
  var main = document.querySelector("main");
  var log = $("log");
  var typing = $("typing");
  var statusLine = $("status");
  var form = $("send");
  var input = $("text");
  var settingsToggle = $("settings-toggle");
  var settingsPanel = $("settings");
  var contrastButton = $("contrast");
  var autoreadButton = $("autoread");
  var dialog = $("confirm-restart");

  var TEXT = {
    offline: "Er is even geen verbinding. Ik stuur je bericht zodra het weer kan.",
    waiting: "Wacht op verbinding",
    refused: "Dit bericht kan ik niet sturen. Maak het korter en probeer het nog eens.",
    tooMany: "Je stuurt veel berichten snel achter elkaar. Ik stuur je bericht zo.",
    notSent: "Niet verstuurd",
    lost: "Je vorige gesprek kan ik niet meer openen. We beginnen opnieuw.",
    readAloud: "Lees voor",
    choose: "Je kan kiezen:",
    choicesLabel: "Kies een antwoord",
    // issue 18: "Ik vraag het zelf" gives a message the youth sends; the product sends nothing
    copy: "📋 Kopiëren",
    copied: "Gekopieerd. Plak het in je app.",
    copyFailed: "Kopiëren lukt niet. Houd de tekst ingedrukt.",
    share: "📤 Delen",
    shareLabel: "Bericht om zelf te sturen"
  };

  // ---- text helpers ----
  var EMOJI = "(?:\\p{Extended_Pictographic}|\\p{Regional_Indicator}|[\\u{1F3FB}-\\u{1F3FF}\\uFE0F\\u200D\\u20E3])";
  var EMOJI_RUN = new RegExp(EMOJI + "+", "gu");
  var LEADING_EMOJI = new RegExp("^(" + EMOJI + "+)\\s*", "u");
  // Dutch help lines and phone numbers: 112, 113, 0800 0432, 0800-0113, 06 12345678, 020 1234567.
  var PHONE = /(^|[^\w-])(11[23]|0[89]00[ -]?\d{4}|06[ -]?\d{8}|0\d{2}[ -]?\d{7}|0\d{3}[ -]?\d{6})(?![\w-])/g;

  function withoutEmoji(text) {
    return text.replace(EMOJI_RUN, " ").replace(/\s+/g, " ").trim();
  }

  // Put text in `parent`, with phone numbers as tel: links; DOM nodes only.
  function appendWithPhoneLinks(parent, text) {
    var at = 0;
    var match;
    PHONE.lastIndex = 0;
    while ((match = PHONE.exec(text)) !== null) {
      var start = match.index + match[1].length;
      if (start > at) parent.appendChild(document.createTextNode(text.slice(at, start)));
      var link = document.createElement("a");
      link.href = "tel:" + match[2].replace(/\D/g, "");
      link.textContent = match[2];
      parent.appendChild(link);
      at = start + match[2].length;
    }
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // "👵 Oma" -> the emoji as a picture (hidden from screen readers) and the word.
  function fillLabel(element, title) {
    var match = LEADING_EMOJI.exec(title);
    var words = match ? title.slice(match[0].length) : title;
    if (match && words) {
      var picture = document.createElement("span");
      picture.className = "emoji";
      picture.setAttribute("aria-hidden", "true");
      picture.textContent = match[1];
      element.appendChild(picture);
    }
    var label = document.createElement("span");
    label.textContent = words || title;
    element.appendChild(label);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- reading aloud ----
  var speech = "speechSynthesis" in window && "SpeechSynthesisUtterance" in window ? window.speechSynthesis : null;
  var voice = null;
  root.classList.add("no-voice"); // until a local Dutch voice is found
  if (!speech) root.classList.add("no-speech");

  // Only a voice of this device (localService): an online voice sends the text, with the
  // names in it, to a third party. No local Dutch voice: nothing is read aloud, and the
  // settings say so.
  function pickVoice() {
    if (!speech) return;
    var voices = (speech.getVoices() || []).filter(function (v) { return v.localService === true; });
    var lang = function (v) { return (v.lang || "").replace("_", "-").toLowerCase(); };
    voice = voices.filter(function (v) { return lang(v) === "nl-nl"; })[0] ||
      voices.filter(function (v) { return lang(v) === "nl-be"; })[0] ||
      voices.filter(function (v) { return lang(v).indexOf("nl") === 0; })[0] || null;
    root.classList.toggle("no-voice", !voice);
    if (!voice) speech.cancel();
  }
  if (speech) {
    pickVoice();
    if (speech.addEventListener) speech.addEventListener("voiceschanged", pickVoice);
  }

  function spokenText(message) {
    var parts = [];
    if (message.text) parts.push(withoutEmoji(message.text));
    if (message.buttons && message.buttons.length) {
      parts.push(TEXT.choose + " " + message.buttons.map(function (b) { return withoutEmoji(b.title); }).join(". ") + ".");
    }
    return parts.join(" ");
  }

  function speak(text, addToQueue) {
    if (!speech || !voice || !text) return;
    if (!addToQueue) speech.cancel();
    var utterance = new window.SpeechSynthesisUtterance(text);
    utterance.lang = voice.lang.replace("_", "-");
    utterance.voice = voice;
    utterance.rate = 0.9;
    speech.speak(utterance);
  }

  // ---- settings: text size, strong colours, read everything aloud ----
  var settings = {
    size: String(readJSON(KEY.size, "1")),
    contrast: readJSON(KEY.contrast, false) === true,
    autoread: readJSON(KEY.autoread, false) === true
  };

  function applySettings() {
    if (["1", "2", "3"].indexOf(settings.size) < 0) settings.size = "1";
    root.classList.remove("size-1", "size-2", "size-3");
    root.classList.add("size-" + settings.size);
    root.classList.toggle("contrast", settings.contrast);
    Array.prototype.forEach.call(document.querySelectorAll("button.size"), function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-size") === settings.size));
    });
    contrastButton.setAttribute("aria-pressed", String(settings.contrast));
    autoreadButton.setAttribute("aria-pressed", String(settings.autoread));
  }

  // The settings panel and bigger letters change the room the log has: keep the newest
  // message in sight, or the question the youth is answering slides out of view.
  function keepingTheEnd(change) {
    var wasNearBottom = nearBottom();
    change();
    if (wasNearBottom) scrollToEnd();
  }

  function saveSetting(name, value) {
    settings[name] = value;
    store.setItem(KEY[name], JSON.stringify(value));
    keepingTheEnd(applySettings);
  }

  settingsToggle.addEventListener("click", function () {
    var open = settingsPanel.hidden;
    keepingTheEnd(function () { settingsPanel.hidden = !open; });
    settingsToggle.setAttribute("aria-expanded", String(open));
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.size"), function (b) {
    b.addEventListener("click", function () { saveSetting("size", b.getAttribute("data-size")); });
  });
  contrastButton.addEventListener("click", function () { saveSetting("contrast", !settings.contrast); });
  autoreadButton.addEventListener("click", function () {
    saveSetting("autoread", !settings.autoread);
    if (!settings.autoread && speech) speech.cancel();
  });
  applySettings();

  // ---- the conversation ----
  var invite = new URLSearchParams(window.location.search).get("invite");
  var sender = store.getItem(KEY.sender);
  var secret = store.getItem(KEY.secret);
  var fresh = false;
  var notice = "";
  var validId = /^[A-Za-z0-9_-]{8,80}$/;
  var inviteChanged = Boolean(invite && invite !== store.getItem(KEY.invite));
  // Messages queued before the server made the conversation (offline at the start) wait
  // for it; a queue always starts with its /start then.
  var waitingStart = !sender && !secret && !inviteChanged &&
    readJSON(KEY.queue, []).some(function (item) { return item && item.start; });
  if (sender && !secret && !inviteChanged) notice = TEXT.lost; // a conversation from before secrets
  if (waitingStart) {
    invite = store.getItem(KEY.invite);
  } else if (!sender || !secret || !validId.test(sender) || inviteChanged) {
    newConversation();
  }

  var queue = readJSON(KEY.queue, []);
  if (!Array.isArray(queue)) queue = [];
  var historyLoaded = false;
  var busy = false;
  var retryTimer = null;
  var backoff = 0;
  var generation = 0; // changes on "Opnieuw beginnen": late answers of the old conversation are dropped
  var bubbles = {}; // queue item id -> its bubble on the page

  // The server makes the id and the secret when the first message goes (openConversation).
  function newConversation() {
    sender = null;
    secret = null;
    store.removeItem(KEY.sender);
    store.removeItem(KEY.secret);
    if (invite) store.setItem(KEY.invite, invite);
    else invite = store.getItem(KEY.invite);
    store.removeItem(KEY.queue);
    fresh = true;
  }

  function startMessage() {
    return invite ? "/start" + JSON.stringify({ invite_code: invite }) : "/start";
  }

  function saveQueue() { store.setItem(KEY.queue, JSON.stringify(queue)); }

  // The status line takes room at the bottom: keep the newest message in sight.
  function setStatus(text) {
    if (statusLine.textContent === text) return;
    var wasNearBottom = nearBottom();
    statusLine.textContent = text;
    if (wasNearBottom) scrollToEnd();
  }

  function nearBottom() {
    return main.scrollHeight - main.scrollTop - main.clientHeight < 120;
  }

  function scrollToEnd() { main.scrollTop = main.scrollHeight; }

  // Show new bot messages without hiding their start: a long answer is shown from its top.
  function reveal(first, last) {
    var height = last.getBoundingClientRect().bottom - first.getBoundingClientRect().top;
    if (height > main.clientHeight) first.scrollIntoView({ block: "start" });
    else last.scrollIntoView({ block: "end" });
  }

  function userBubble(text) {
    var bubble = el("div", "msg me");
    bubble.appendChild(el("p", "text", text));
    log.appendChild(bubble);
    return bubble;
  }

  function markWaiting(item) {
    var bubble = bubbles[item.id];
    if (!bubble || bubble.querySelector(".pending")) return;
    bubble.classList.add("waiting");
    var note = el("p", "pending");
    var icon = el("span", "emoji", "⏳");
    icon.setAttribute("aria-hidden", "true");
    note.appendChild(icon);
    note.appendChild(el("span", null, TEXT.waiting));
    bubble.appendChild(note);
  }

  function markDone(item, refused) {
    var bubble = bubbles[item.id];
    delete bubbles[item.id];
    if (!bubble) return;
    bubble.classList.remove("waiting");
    var note = bubble.querySelector(".pending");
    if (note) bubble.removeChild(note);
    if (refused) bubble.appendChild(el("p", "pending", TEXT.notSent));
  }

  function disableChoices(chosen) {
    Array.prototype.forEach.call(log.querySelectorAll(".choices button:not([disabled])"), function (b) {
      b.disabled = true;
      if (b === chosen) b.classList.add("chosen");
    });
  }

  // issue 18: copy the message, or hand it to the phone's share sheet (navigator.share).
  function shareBox(text) {
    var box = el("div", "share");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", TEXT.shareLabel);
    var status = el("p", "share-status");
    status.setAttribute("role", "status");
    var copy = el("button", "share-copy");
    copy.type = "button";
    fillLabel(copy, TEXT.copy);
    copy.addEventListener("click", function () {
      var done = function () { status.textContent = TEXT.copied; };
      var failed = function () { status.textContent = TEXT.copyFailed; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, failed);
      } else {
        failed();
      }
    });
    box.appendChild(copy);
    if (navigator.share) {
      var share = el("button", "share-send");
      share.type = "button";
      fillLabel(share, TEXT.share);
      share.addEventListener("click", function () {
        navigator.share({ text: text }).catch(function () { /* closed: nothing sent */ });
      });
      box.appendChild(share);
    }
    box.appendChild(status);
    return box;
  }

  function botTurn(message, answered) {
    var turn = el("div", "turn");
    if (message.text) {
      var bubble = el("div", "msg bot");
      var text = el("p", "text");
      appendWithPhoneLinks(text, message.text);
      bubble.appendChild(text);
      if (speech) {
        var button = el("button", "speak");
        button.type = "button";
        fillLabel(button, "🔊 " + TEXT.readAloud);
        button.addEventListener("click", function () { speak(spokenText(message)); });
        bubble.appendChild(button);
      }
      turn.appendChild(bubble);
      if (message.share) bubble.appendChild(shareBox(message.share));
    }
    if (message.buttons && message.buttons.length) {
      var row = el("div", "choices");
      row.setAttribute("role", "group");
      row.setAttribute("aria-label", TEXT.choicesLabel);
      message.buttons.forEach(function (b) {
        var choice = el("button");
        choice.type = "button";
        fillLabel(choice, b.title);
        if (answered) choice.disabled = true;
        if (b.chosen) choice.classList.add("chosen");
        choice.addEventListener("click", function (event) {
          if (choice.disabled) return;
          disableChoices(choice);
          send(b.payload, b.title);
          if (event.detail === 0) input.focus(); // keyboard: focus stays in the page
        });
        row.appendChild(choice);
      });
      turn.appendChild(row);
    }
    log.appendChild(turn);
    return turn;
  }

  function showReplies(messages) {
    var wasNearBottom = nearBottom();
    var turns = messages.map(function (m) { return botTurn(m, false); });
    if (turns.length && wasNearBottom) reveal(turns[0], turns[turns.length - 1]);
    if (settings.autoread) {
      if (speech) speech.cancel();
      messages.forEach(function (m) { speak(spokenText(m), true); });
    }
  }

  function showHistory(messages) {
    log.textContent = "";
    bubbles = {};
    var waitingTyped = queue.some(function (item) { return item.shown; });
    messages.forEach(function (m, i) {
      if (m.from === "user") {
        userBubble(m.text);
      } else {
        var answered = waitingTyped || messages.slice(i + 1).some(function (n) { return n.from === "user"; });
        botTurn(m, answered);
      }
    });
    queue.forEach(function (item) {
      if (item.shown) bubbles[item.id] = userBubble(item.shown);
    });
    scrollToEnd();
  }

  // Queue a message: `message` is sent, `shown` (if any) is what the youth sees as theirs.
  function send(message, shown, first) {
    var item = { id: randomId(), message: message, shown: shown || null };
    if (first) queue.unshift(item);
    else queue.push(item);
    saveQueue();
    if (shown) {
      bubbles[item.id] = userBubble(shown);
      if (retryTimer !== null) markWaiting(item); // known to be offline right now
      scrollToEnd();
    }
    pump();
  }

  function stopRetrying() {
    clearTimeout(retryTimer);
    retryTimer = null;
    backoff = 0;
  }

  // `atLeast` (ms): the server's Retry-After after a 429; sooner would be refused again.
  function retryLater(atLeast) {
    backoff = Math.min(backoff ? backoff * 2 : 2000, 30000);
    clearTimeout(retryTimer);
    retryTimer = setTimeout(kick, Math.max(backoff, atLeast || 0));
  }

  function retryAfterMs(response) {
    var seconds = parseInt(response.headers.get("Retry-After") || "", 10);
    return seconds > 0 ? Math.min(seconds, 3600) * 1000 : 0;
  }

  function kick() {
    clearTimeout(retryTimer);
    retryTimer = null;
    if (!historyLoaded) loadHistory();
    else pump();
  }

  function showTyping(on) {
    typing.hidden = !on;
    if (on && nearBottom()) scrollToEnd();
  }

  // Ask the server for a conversation (id and secret); then the queue goes on.
  function openConversation() {
    busy = true;
    var mine = generation;
    showTyping(true);
    fetch("/chat/new", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}"
    }).then(function (response) {
      if (response.ok) return response.json();
      var error = new Error("new " + response.status);
      error.wait = response.status === 429 ? retryAfterMs(response) : 0;
      throw error;
    }).then(function (data) {
      if (mine !== generation) return;
      if (!data || !validId.test(data.sender || "") || !data.secret) throw new Error("new");
      sender = data.sender;
      secret = data.secret;
      store.setItem(KEY.sender, sender);
      store.setItem(KEY.secret, secret);
      busy = false;
      showTyping(false);
      pump();
    }).catch(function (error) {
      if (mine !== generation) return;
      busy = false;
      showTyping(false);
      queue.forEach(markWaiting);
      setStatus(error.wait ? TEXT.tooMany : TEXT.offline);
      retryLater(error.wait);
    });
  }

  // The server does not know this conversation with this secret (from before secrets, or
  // removed): start a new one, kindly, instead of showing an error.
  function lostConversation() {
    generation += 1;
    busy = false;
    stopRetrying();
    showTyping(false);
    newConversation();
    queue = [];
    saveQueue();
    bubbles = {};
    log.textContent = "";
    historyLoaded = true;
    setStatus(TEXT.lost);
    notice = TEXT.lost;
    queue.push({ id: randomId(), message: startMessage(), shown: null, start: true });
    saveQueue();
    pump();
  }

  function pump() {
    if (busy || !historyLoaded || !queue.length) return;
    if (!sender || !secret) {
      openConversation();
      return;
    }
    busy = true;
    var mine = generation;
    var item = queue[0];
    showTyping(true);
    fetch("/chat/send", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Chat-Secret": secret },
      body: JSON.stringify({ sender: sender, message: item.message })
    }).then(function (response) {
      if (response.ok) return response.json().then(function (data) { return { ok: true, data: data }; });
      // "Too many" (429): the message waits, like when the server is gone, and is sent
      // again after the server's Retry-After.
      if (response.status === 429) return { ok: false, refused: false, wait: retryAfterMs(response) };
      if (response.status === 403 || response.status === 404) return { ok: false, lost: true };
      // 4xx (not a time-out): this message will never go through as it is.
      var refused = response.status >= 400 && response.status < 500 && response.status !== 408;
      return { ok: false, refused: refused };
    }).catch(function () {
      return { ok: false, refused: false };
    }).then(function (result) {
      if (mine !== generation) return;
      busy = false;
      showTyping(false);
      if (result.lost) {
        lostConversation();
        return;
      }
      if (result.ok || result.refused) {
        if (queue.length && queue[0].id === item.id) queue.shift();
        saveQueue();
        markDone(item, result.refused);
        stopRetrying();
        setStatus(result.refused ? TEXT.refused : notice);
        notice = "";
        if (result.ok) showReplies((result.data && result.data.messages) || []);
        pump();
      } else {
        queue.forEach(markWaiting);
        setStatus(result.wait ? TEXT.tooMany : TEXT.offline);
        retryLater(result.wait);
      }
    });
  }

  function loadHistory() {
    if (busy) return;
    busy = true;
    var mine = generation;
    fetch("/chat/history?sender=" + encodeURIComponent(sender), {
      headers: { "X-Chat-Secret": secret }
    }).then(function (response) {
      if (response.status === 403 || response.status === 404) return { lost: true };
      if (!response.ok) {
        var error = new Error("history " + response.status);
        error.wait = response.status === 429 ? retryAfterMs(response) : 0;
        throw error;
      }
      return response.json();
    }).then(function (data) {
      if (mine !== generation) return;
      if (data && data.lost) {
        lostConversation();
        return;
      }
      busy = false;
      historyLoaded = true;
      stopRetrying();
      setStatus("");
      var messages = (data && data.messages) || [];
      showHistory(messages);
      if (!messages.length && !queue.some(function (item) { return item.start; })) {
        queue.unshift({ id: randomId(), message: startMessage(), shown: null, start: true });
        saveQueue();
      }
      pump();
    }).catch(function (error) {
      if (mine !== generation) return;
      busy = false;
      setStatus(error && error.wait ? TEXT.tooMany : TEXT.offline);
      queue.forEach(markWaiting);
      retryLater(error && error.wait);
    });
  }

  function restart() {
    generation += 1;
    busy = false;
    stopRetrying();
    if (speech) speech.cancel();
    notice = "";
    newConversation();
    queue = [];
    bubbles = {};
    log.textContent = "";
    showTyping(false);
    setStatus("");
    historyLoaded = true;
    queue.push({ id: randomId(), message: startMessage(), shown: null, start: true });
    saveQueue();
    pump();
  }

  // ---- composer ----
  function autosize() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 4, 200) + "px";
  }

  function submitTyped() {
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    autosize();
    disableChoices(null);
    send(text, text);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitTyped();
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submitTyped();
    }
  });
  input.addEventListener("input", autosize);

  // ---- start over, with a question first ----
  $("restart").addEventListener("click", function () {
    if (dialog && typeof dialog.showModal === "function") dialog.showModal();
    else if (window.confirm("Wil je opnieuw beginnen?")) restart();
  });
  $("confirm-yes").addEventListener("click", function () {
    dialog.close();
    restart();
  });
  $("confirm-no").addEventListener("click", function () { dialog.close(); });

  window.addEventListener("online", kick);

  // ---- go ----
  if (fresh) {
    historyLoaded = true;
    if (notice) setStatus(notice);
    queue.unshift({ id: randomId(), message: startMessage(), shown: null, start: true });
    saveQueue();
    pump();
  } else if (waitingStart) {
    historyLoaded = true;
    showHistory([]);
    pump();
  } else {
    loadHistory();
  }
})();
