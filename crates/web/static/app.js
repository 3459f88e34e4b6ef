// noicom pages: small helpers only; every form also works without this
// file. (1) A submitted form's buttons are disabled, so a second tap does
// not send it twice. (2) The filing form keeps its draft in localStorage
// and, if the connection drops while sending, keeps it and sends it again
// when the network is back; the hidden idempotency key travels with the
// draft, so a resend of a report that did arrive files it only once.
// Photos go with the form as long as the page is open; a draft restored
// after a reload keeps the text only and, if photos had been chosen, says
// so. Drafts are kept per user (the server names them in data-draft) and
// (3) every draft is removed when the user signs out, so that the next
// person on a shared phone neither sees nor sends it.
"use strict";
(function () {
  var DRAFT_PREFIX = "noicom-draft-";
  // The draft's entry for the number of photos chosen (no form field has
  // this name: field names are JSON names).
  var PHOTOS_CHOSEN = "photos chosen";

  function disableButtons(form) {
    form.querySelectorAll("button[type=submit], button:not([type])").forEach(function (b) {
      b.disabled = true;
      if (form.dataset.sending) { b.textContent = form.dataset.sending; }
    });
  }

  function enableButtons(form) {
    form.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
  }

  // A browser cannot keep chosen files in a draft: only text is kept.
  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && el.name !== "csrf" && el.type !== "submit" && el.type !== "file";
    });
  }

  function saveDraft(form) {
    var data = {};
    fields(form).forEach(function (el) { data[el.name] = el.value; });
    // Remember that photos were chosen, to ask for them again on restore.
    var photos = form.querySelector("input[type=file]");
    if (photos && photos.files && photos.files.length) { data[PHOTOS_CHOSEN] = photos.files.length; }
    try { localStorage.setItem(DRAFT_PREFIX + form.dataset.draft, JSON.stringify(data)); } catch (e) { /* full or disabled */ }
  }

  // Whether a field holds something else than what the page put there.
  function typedIn(el) {
    if (el.tagName === "SELECT") {
      var first = null;
      Array.prototype.forEach.call(el.options, function (o) { if (o.defaultSelected && first === null) { first = o.value; } });
      if (first === null && el.options.length) { first = el.options[0].value; }
      return el.value !== first;
    }
    return el.value !== el.defaultValue;
  }

  function restoreDraft(form) {
    var text = null;
    try { text = localStorage.getItem(DRAFT_PREFIX + form.dataset.draft); } catch (e) { return; }
    if (!text) { return; }
    var data;
    try { data = JSON.parse(text); } catch (e) { return; }
    var restored = false;
    fields(form).forEach(function (el) {
      if (Object.prototype.hasOwnProperty.call(data, el.name) && data[el.name] !== "") {
        el.value = data[el.name];
        restored = true;
        // A field typed in a closed part of the form (an opinion added
        // with "Thêm ý kiến") is shown again, with every part around it;
        // a choice left at the page's default opens nothing.
        if (typedIn(el)) {
          for (var part = el.closest("details"); part; part = part.parentElement && part.parentElement.closest("details")) { part.open = true; }
        }
      }
    });
    // Say that the photos of the draft must be chosen again: only when
    // photos had been chosen, as the draft remembers.
    var note = form.querySelector(".draft-no-files");
    if (restored && note && data[PHOTOS_CHOSEN] && form.querySelector("input[type=file]")) { note.hidden = false; }
  }

  function clearDraft(name) {
    try { localStorage.removeItem(DRAFT_PREFIX + name); } catch (e) { /* nothing kept */ }
  }

  function clearAllDrafts() {
    try {
      Object.keys(localStorage).forEach(function (key) {
        if (key.indexOf(DRAFT_PREFIX) === 0) { localStorage.removeItem(key); }
      });
    } catch (e) { /* nothing kept */ }
  }

  function showOffline(form) {
    var box = form.querySelector(".offline");
    if (box) { box.hidden = false; }
  }

  function send(form) {
    // With files, the form goes as multipart (the files still chosen on
    // this page go again with a resend); without, as a plain form.
    var data = new FormData(form);
    var body = form.enctype === "multipart/form-data" ? data : new URLSearchParams(data);
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "follow" })
      .then(function (response) {
        if (response.ok && response.redirected) {
          clearDraft(form.dataset.draft);
          window.location.assign(response.url);
        } else {
          // A refusal: let the browser show the answer (nothing was
          // written, so sending again is harmless).
          HTMLFormElement.prototype.submit.call(form);
        }
      })
      .catch(function () {
        // The network dropped: keep the draft and try again when it is back.
        showOffline(form);
        var retry = function () { window.removeEventListener("online", retry); send(form); };
        window.addEventListener("online", retry);
        setTimeout(function () { if (navigator.onLine) { retry(); } }, 5000);
      });
  }

  document.querySelectorAll("[data-filed]").forEach(function (el) { clearDraft(el.dataset.filed); });

  document.querySelectorAll("form").forEach(function (form) {
    if (form.dataset.draft) {
      restoreDraft(form);
      form.addEventListener("input", function () { saveDraft(form); });
      form.addEventListener("change", function () { saveDraft(form); });
    }
    form.addEventListener("submit", function (event) {
      if (form.dataset.submitted) { event.preventDefault(); return; }
      if (form.hasAttribute("data-sign-out")) { clearAllDrafts(); }
      form.dataset.submitted = "1";
      disableButtons(form);
      if (form.dataset.draft && window.fetch) {
        event.preventDefault();
        saveDraft(form);
        send(form);
      }
    });
  });

  // A photo whose thumbnail could not be made keeps its download link only.
  document.querySelectorAll("img[data-thumb]").forEach(function (img) {
    var drop = function () { if (img.parentNode) { img.parentNode.remove(); } };
    if (img.complete && img.naturalWidth === 0) { drop(); } else { img.addEventListener("error", drop); }
  });

  // Back-forward cache: a page shown again must accept a new submit.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.querySelectorAll("form").forEach(function (form) {
        delete form.dataset.submitted;
        enableButtons(form);
      });
    }
  });
})();
