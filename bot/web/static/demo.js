// Trainer demo. No build step, no libraries. Everything the bot or the youth writes is put
// on the page with textContent, never as HTML. Talks only to its own server (/demo/api/...);
// the server reads Rasa with its token, the browser never sees it.
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  var select = $("scenario");
  var info = $("scenario-info");
  var startButton = $("start");
  var freeButton = $("free");
  var backButton = $("back");
  var nextButton = $("next");
  var playButton = $("play");
  var pace = $("pace");
  var progress = $("progress");
  var note = $("note");
  var statusLine = $("status");
  var log = $("log");
  var typing = $("typing");
  var form = $("youth-form");
  var input = $("youth-text");
  var sendButton = $("youth-send");

  var LEADING_EMOJI = /^((?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\u20E3])+)\s*/u;
  var END_LABEL = {
    nominatie: "de nominatie is opgeslagen",
    geen_nominatie: "er is geen nominatie",
    hulplijnen: "de hulplijnen zijn getoond"
  };

  var scenarios = [];
  var current = null;     // the scenario being played, or null in free play
  var sender = null;
  var played = 0;         // steps of the scenario played so far
  var playing = false;    // automatic play
  var busy = false;
  var rendered = [];      // {element, buttons: [button elements]} per shown message
  var shownMessages = [];
  var lastValues = {};
  var pollTimer = null;
  var generation = 0;     // bumps on every new conversation, so old answers are ignored

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function say(text) { statusLine.textContent = text || ""; }

  function request(method, path, body) {
    var options = { method: method, headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        if (!response.ok) {
          var error = new Error(data.error || ("Fout " + response.status));
          error.status = response.status;
          throw error;
        }
        return data;
      });
    });
  }

  function sleep(ms) { return new Promise(function (resolve) { window.setTimeout(resolve, ms); }); }

  // ---- controls ----
  function updateControls() {
    var inScenario = current !== null && sender !== null;
    var finished = inScenario && played >= current.steps.length;
    backButton.disabled = busy || !inScenario || played === 0;
    nextButton.disabled = busy || !inScenario || finished || playing;
    playButton.disabled = !inScenario || finished;
    playButton.setAttribute("aria-pressed", String(playing));
    playButton.textContent = playing ? "⏸ Pauze" : "▶ Automatisch";
    startButton.disabled = busy || !current && !select.value;
    input.disabled = sender === null;
    sendButton.disabled = sender === null || busy;
    applyButtonState();
    if (inScenario) {
      progress.textContent = "Stap " + played + " van " + current.steps.length;
      var upcoming = current.steps[played];
      var shown = played > 0 ? current.steps[played - 1] : null;
      var parts = [];
      if (shown && shown.note) parts.push("Tip bij stap " + played + ": " + shown.note);
      if (upcoming) {
        parts.push("Volgende stap: " + (upcoming.kind === "tik" ? "tikt op \u201c" : "typt \u201c") + upcoming.text + "\u201d");
      }
      note.textContent = parts.join(" · ");
    } else {
      progress.textContent = sender ? "Vrij spelen" : "";
      note.textContent = sender ? "Typ hieronder als de jongere, of tik op een knop in het gesprek." : "";
    }
  }

  function showScenarioInfo() {
    var chosen = scenarios.filter(function (s) { return s.id === select.value; })[0];
    info.textContent = chosen ? [chosen.youth, chosen.description].filter(Boolean).join(". ") : "";
  }

  function loadScenarios() {
    return request("GET", "/demo/api/scenarios").then(function (data) {
      scenarios = data.scenarios || [];
      select.textContent = "";
      scenarios.forEach(function (s) {
        var option = el("option", null, s.title);
        option.value = s.id;
        select.appendChild(option);
      });
      var list = $("file-error-list");
      list.textContent = "";
      (data.errors || []).forEach(function (e) { list.appendChild(el("li", null, e.message)); });
      $("file-errors").hidden = !(data.errors && data.errors.length);
      showScenarioInfo();
      updateControls();
    }).catch(function (error) { say("De scenario's laden niet: " + error.message); });
  }

  // ---- the youth's side ----
  function fillLabel(element, title) {
    var match = LEADING_EMOJI.exec(title);
    var words = match ? title.slice(match[0].length) : title;
    if (match && words) {
      var picture = el("span", "emoji", match[1]);
      picture.setAttribute("aria-hidden", "true");
      element.appendChild(picture);
    }
    element.appendChild(el("span", null, words || title));
  }

  function clearLog() {
    log.textContent = "";
    rendered = [];
    shownMessages = [];
  }

  function renderMessages(messages) {
    if (messages.length < rendered.length) clearLog();
    for (var i = rendered.length; i < messages.length; i++) {
      var message = messages[i];
      var node = el("div", "msg " + (message.from === "bot" ? "bot" : "me"));
      if (message.from === "bot" && /\b112\b|0800/.test(message.text || "")) node.classList.add("crisis");
      var label = el("span", "sr-only", message.from === "bot" ? "Bot: " : "Jongere: ");
      node.appendChild(label);
      if (message.text) node.appendChild(el("p", "text", message.text));
      var buttons = [];
      if (message.buttons && message.buttons.length) {
        var group = el("div", "choices");
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", "Knoppen van de bot");
        message.buttons.forEach(function (b) {
          var button = el("button");
          button.type = "button";
          fillLabel(button, b.title);
          button.addEventListener("click", function () { tap(b); });
          group.appendChild(button);
          buttons.push(button);
        });
        node.appendChild(group);
        node.classList.add("with-choices");
      }
      log.appendChild(node);
      rendered.push({ element: node, buttons: buttons });
    }
    shownMessages = messages;
    applyButtonState();
    log.scrollTop = log.scrollHeight;
  }

  // Only the buttons since the youth's last answer can be tapped; a chosen one stays marked.
  function applyButtonState() {
    var lastUser = -1;
    shownMessages.forEach(function (m, index) { if (m.from === "user") lastUser = index; });
    shownMessages.forEach(function (m, index) {
      (m.buttons || []).forEach(function (b, j) {
        var button = rendered[index] && rendered[index].buttons[j];
        if (!button) return;
        button.disabled = index < lastUser || busy;
        button.classList.toggle("chosen", b.chosen === true);
      });
    });
  }

  // ---- the coach's side ----
  function renderCoach(state) {
    var fields = $("fields");
    fields.textContent = "";
    var values = {};
    (state.coach || []).forEach(function (row) {
      var dt = el("dt", null, row.label);
      var dd = el("dd", row.value ? null : "empty", row.value || "nog leeg");
      values[row.key] = row.value;
      if (row.value && row.value !== lastValues[row.key]) dd.classList.add("fresh");
      if (row.asked) {
        dt.classList.add("asked");
        dd.classList.add("asked");
        dd.appendChild(el("span", null, " – wordt nu gevraagd"));
      }
      fields.appendChild(dt);
      fields.appendChild(dd);
    });
    lastValues = values;

    var nomination = state.nomination;
    var stateLine = $("nomination-state");
    $("reference").textContent = nomination ? nomination.reference : "";
    if (nomination && nomination.status !== "ingetrokken") {
      stateLine.textContent = "Opgeslagen voor het demo team, met toestemming. Status: " + nomination.status + ".";
    } else if (nomination) {
      stateLine.textContent = "Ingetrokken door de jongere. De coach ziet alleen dat.";
    } else if (state.stage === "declined") {
      stateLine.textContent = "De jongere zei nee. De coach krijgt niets.";
    } else {
      stateLine.textContent = "Nog niet gestuurd. Dit vult zich terwijl de jongere antwoordt.";
    }
    $("crisis-card").hidden = !state.crisis;

    // issue 24, item 6: the demo team's open coach signals ("bel mij snel")
    var signals = state.signals || [];
    var signalList = $("signal-list");
    signalList.textContent = "";
    signals.forEach(function (s) {
      var when = new Date(s.created_at).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
      var line = "Om " + when + (s.reference ? " · " + s.reference : " · nog geen nominatie");
      signalList.appendChild(el("li", s.current ? "current" : null, line + (s.current ? " (dit gesprek)" : "")));
    });
    $("signal-card").hidden = signals.length === 0;

    var box = $("notification");
    box.textContent = "";
    if (state.notification) {
      var mail = el("div", "mail");
      mail.appendChild(el("p", null, "Aan: " + state.notification.to));
      mail.appendChild(el("p", null, "Onderwerp: " + state.notification.subject));
      mail.appendChild(el("pre", null, state.notification.body));
      box.appendChild(mail);
    } else {
      box.appendChild(el("p", "muted", "Nog geen melding."));
    }

    var list = $("team-list");
    list.textContent = "";
    (state.team_list || []).forEach(function (n) {
      var item = el("li", state.nomination && n.id === state.nomination.id ? "current" : null);
      var youth = n.youth.name || "jongere";
      if (n.youth.age !== null && n.youth.age !== undefined) youth += " (" + n.youth.age + ")";
      var mentor = n.mentor.relation ? [n.mentor.relation.replace(/_/g, " "), n.mentor.name].filter(Boolean).join(" ") : "ingetrokken";
      item.appendChild(el("span", null, n.reference + " · " + n.status + " · " + youth + " kiest " + mentor));
      if (n.youth.parent_consent_needed && n.status !== "ingetrokken") {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("span", "flag", "ouders moeten ook akkoord zijn"));
      }
      list.appendChild(item);
    });
    if (!list.children.length) list.appendChild(el("li", "muted", "Nog geen nominaties."));

    var card = $("result-card");
    card.hidden = sender === null;
    var link = $("summary-link");
    link.href = "/demo/samenvatting?sender=" + encodeURIComponent(sender || "") +
      (current ? "&scenario=" + encodeURIComponent(current.id) : "");
    var result = $("result");
    result.textContent = "";
    result.className = "";
    if (current && played >= current.steps.length && state.check) {
      if (state.check.length === 0) {
        result.className = "ok";
        result.textContent = "Zoals verwacht: " + END_LABEL[current.expected.end] + ".";
      } else {
        result.className = "bad";
        result.textContent = "Anders dan verwacht: " + state.check.join("; ") + ".";
      }
    } else if (!current) {
      result.textContent = "Vrij spelen: er is geen verwacht einde.";
    } else {
      result.textContent = "Het scenario is nog bezig.";
    }
  }

  function refresh() {
    if (!sender) return Promise.resolve();
    var mine = generation;
    var query = "?sender=" + encodeURIComponent(sender) + (current ? "&scenario=" + encodeURIComponent(current.id) : "");
    return request("GET", "/demo/api/state" + query).then(function (state) {
      if (mine !== generation) return;
      renderMessages(state.messages || []);
      renderCoach(state);
    }).catch(function (error) { if (mine === generation) say(error.message); });
  }

  function startPolling() {
    if (pollTimer) window.clearInterval(pollTimer);
    pollTimer = window.setInterval(function () { if (!busy) refresh(); }, 2000);
  }

  // ---- talking ----
  function withBusy(work) {
    busy = true;
    typing.hidden = false;
    updateControls();
    return work().finally(function () {
      busy = false;
      typing.hidden = true;
      updateControls();
    });
  }

  function send(message) {
    return request("POST", "/demo/api/send", { sender: sender, message: message });
  }

  function playStep(index) {
    return request("POST", "/demo/api/step", { sender: sender, scenario: current.id, step: index });
  }

  // The server makes the conversation (an unguessable id, listed under this browser's demo
  // session cookie) and starts it with /start.
  function newConversation() {
    generation += 1;
    sender = null;
    played = 0;
    lastValues = {};
    clearLog();
    var mine = generation;
    return request("POST", "/demo/api/new", {}).then(function (data) {
      if (mine === generation) sender = data.sender;
      return data;
    });
  }

  function start(scenario) {
    stop();
    current = scenario;
    say("");
    return withBusy(function () {
      return newConversation().then(refresh);
    }).then(function () {
      startPolling();
      if (!current) input.focus();
    }).catch(function (error) { say(error.message); });
  }

  function next() {
    if (!current || played >= current.steps.length) return Promise.resolve(false);
    return withBusy(function () {
      return playStep(played).then(function () {
        played += 1;
        say("");
        return refresh();
      });
    }).then(function () { return true; }).catch(function (error) {
      stop();
      say(error.message + " Typ zelf verder, of kies Terug.");
      return false;
    });
  }

  function back() {
    if (!current || played === 0) return Promise.resolve();
    stop();
    var target = played - 1;
    var old = sender;
    return withBusy(function () {
      return request("POST", "/demo/api/forget", { sender: old }).then(function () {
        return newConversation();
      }).then(function () {
        var chain = Promise.resolve();
        for (var i = 0; i < target; i++) {
          (function (index) {
            chain = chain.then(function () { return playStep(index); }).then(function () { played = index + 1; });
          })(i);
        }
        return chain;
      }).then(refresh);
    }).catch(function (error) { say(error.message); });
  }

  function stop() {
    playing = false;
    updateControls();
  }

  function autoplay() {
    if (playing) { stop(); return; }
    playing = true;
    updateControls();
    (function loop() {
      if (!playing) return;
      next().then(function (ok) {
        if (!ok || !current || played >= current.steps.length) { stop(); return; }
        sleep(Number(pace.value) || 3000).then(loop);
      });
    })();
  }

  function tap(button) {
    if (!sender || busy) return;
    stop();
    withBusy(function () { return send(button.payload).then(refresh); })
      .catch(function (error) { say(error.message); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || !sender) return;
    stop();
    withBusy(function () {
      return send(text).then(function () { input.value = ""; return refresh(); });
    }).catch(function (error) { say(error.message); });
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener("focus", stop);  // the trainer takes over: automatic play pauses

  select.addEventListener("change", showScenarioInfo);
  startButton.addEventListener("click", function () {
    var chosen = scenarios.filter(function (s) { return s.id === select.value; })[0];
    if (chosen) start(chosen);
  });
  freeButton.addEventListener("click", function () { start(null); });
  nextButton.addEventListener("click", function () { next(); });
  backButton.addEventListener("click", function () { back(); });
  playButton.addEventListener("click", autoplay);
  $("reset").addEventListener("click", function () {
    if (!window.confirm("Alle demogesprekken en demonominaties van deze browser wissen?")) return;
    stop();
    request("POST", "/demo/api/reset", {}).then(function (data) {
      generation += 1;
      sender = null;
      current = null;
      played = 0;
      clearLog();
      renderCoach({ coach: [], team_list: [] });
      say("De demo is gewist: " + data.conversations + " gesprekken en " + data.nominations + " nominaties.");
      updateControls();
    }).catch(function (error) { say(error.message); });
  });

  loadScenarios();
  updateControls();
})();
