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

// issue 17: passkeys (WebAuthn). The server sends the options as JSON (base64url for the
// binary fields); the browser's answer goes back the same way.
(function () {
  function toBytes(b64url) {
    var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) { b64 += "="; }
    var raw = atob(b64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out.buffer;
  }
  function toB64url(buffer) {
    var bytes = new Uint8Array(buffer), s = "";
    for (var i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }
    return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }
  function post(url, csrf, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
      body: body ? JSON.stringify(body) : "{}"
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { throw new Error(data.error || "Dat lukte niet."); }
        return data;
      });
    });
  }
  function showError(message) {
    var box = document.getElementById("passkey-error");
    if (box) { box.textContent = message; box.hidden = false; }
  }
  function credentialJson(cred) {
    var r = cred.response, out = {
      id: cred.id, rawId: toB64url(cred.rawId), type: cred.type,
      clientExtensionResults: cred.getClientExtensionResults(), response: {
        clientDataJSON: toB64url(r.clientDataJSON)
      }
    };
    if (r.attestationObject) {
      out.response.attestationObject = toB64url(r.attestationObject);
      if (r.getTransports) { out.response.transports = r.getTransports(); }
    } else {
      out.response.authenticatorData = toB64url(r.authenticatorData);
      out.response.signature = toB64url(r.signature);
      if (r.userHandle) { out.response.userHandle = toB64url(r.userHandle); }
    }
    return out;
  }
  var register = document.querySelector("[data-passkey-register]");
  if (register) {
    register.addEventListener("click", function () {
      var csrf = register.getAttribute("data-csrf");
      post("/coach/passkeys/register/options", csrf).then(function (o) {
        o.challenge = toBytes(o.challenge);
        o.user.id = toBytes(o.user.id);
        (o.excludeCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
        return navigator.credentials.create({ publicKey: o });
      }).then(function (cred) {
        return post("/coach/passkeys/register", csrf, credentialJson(cred));
      }).then(function (data) { window.location.assign(data.next); })
        .catch(function (e) { showError(e.message || "Dat lukte niet."); });
    });
  }
  var login = document.querySelector("[data-passkey-login]");
  if (login) {
    login.addEventListener("click", function () {
      var csrf = login.getAttribute("data-csrf");
      var next = encodeURIComponent(login.getAttribute("data-next") || "/coach");
      post("/coach/passkeys/login/options", csrf).then(function (o) {
        o.challenge = toBytes(o.challenge);
        (o.allowCredentials || []).forEach(function (c) { c.id = toBytes(c.id); });
        return navigator.credentials.get({ publicKey: o });
      }).then(function (cred) {
        return post("/coach/passkeys/login?next=" + next, csrf, credentialJson(cred));
      }).then(function (data) { window.location.assign(data.next); })
        .catch(function (e) { showError(e.message || "Dat lukte niet."); });
    });
  }
})();
