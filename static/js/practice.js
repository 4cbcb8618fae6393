// Coachsim practice chat: send with Enter, stream the rep's reply, retry, timer, nudges.
// Without this file the page still works: forms post and the server redirects back.
(function () {
  "use strict";

  var log = document.getElementById("log");
  var composer = document.getElementById("composer");
  if (!log || !composer) return;

  var textarea = composer.querySelector("textarea");
  var notice = document.getElementById("composer-notice");
  var status = document.getElementById("chat-status");
  var counter = composer.querySelector("[data-count]");
  var sendButton = composer.querySelector("[data-send]");
  var finishForm = document.querySelector("form[data-finish]");
  var streamingTemplate = document.getElementById("rep-streaming");
  var repName = log.getAttribute("data-rep-name") || "The rep";
  var maxChars = parseInt(textarea.getAttribute("data-max"), 10) || 2000;
  var busy = false;

  // --- keyboard: Enter sends, Shift+Enter is a new line ------------------------------
  textarea.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      composer.requestSubmit();
    }
  });

  // --- character count, shown as the limit gets close ---------------------------------
  function updateCount() {
    var length = textarea.value.trim().length;
    var near = length > maxChars * 0.8;
    counter.hidden = !near;
    counter.textContent = " · " + length + " / " + maxChars;
    counter.classList.toggle("over", length > maxChars);
  }
  textarea.addEventListener("input", updateCount);
  updateCount();

  function showNotice(html) {
    notice.innerHTML = html;
  }
  function clearNotice() {
    notice.innerHTML = "";
  }
  function noticeText(text) {
    var p = document.createElement("p");
    p.className = "notice notice-error";
    p.textContent = text;
    notice.replaceChildren(p);
  }

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    composer.setAttribute("aria-busy", value ? "true" : "false");
    if (finishForm) finishForm.querySelector("button").disabled = value;
    log.querySelectorAll("form[data-retry] button").forEach(function (b) {
      b.disabled = value;
    });
  }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 160;
  }
  function scrollToEnd(force) {
    if (force || nearBottom()) {
      window.scrollTo(0, document.documentElement.scrollHeight);
    }
  }

  // --- sending and streaming ----------------------------------------------------------
  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form[data-stream-form]");
    if (!form) return;
    event.preventDefault();
    if (!busy) send(form);
  });

  function send(form) {
    var retrying = form.hasAttribute("data-retry");
    if (!retrying) {
      var text = textarea.value.trim();
      if (!text) {
        noticeText("Say something to the rep first: the message is empty.");
        textarea.focus();
        return;
      }
      if (text.length > maxChars) {
        noticeText(
          "That message is " + text.length + " characters; keep it to " + maxChars +
          " (coaching works in short turns)."
        );
        textarea.focus();
        return;
      }
    }
    clearNotice();
    setBusy(true);
    var failedNow = false;
    var body = new FormData(form);
    fetch(form.action, {
      method: "POST",
      body: body,
      headers: { Accept: "text/event-stream" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (!response.ok) {
          return response.text().then(function (html) {
            showNotice(html || "<p class='notice notice-error'>That didn't go through.</p>");
          });
        }
        if (retrying) {
          var failed = form.closest("[data-reply-failed]");
          if (failed) failed.remove();
        } else {
          textarea.value = "";
          updateCount();
        }
        return readStream(response);
      })
      .then(function (outcome) {
        failedNow = outcome === "failed";
      })
      .catch(function () {
        noticeText("Coachsim could not be reached. Check your connection and send again.");
      })
      .then(function () {
        setBusy(false);
        var retry = log.querySelector("[data-reply-failed] button");
        if (failedNow && retry) retry.focus();
        else textarea.focus();
      });
  }

  function readStream(response) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    var state = { bubble: null, finished: false, outcome: "" };

    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done) {
          if (!state.finished) connectionLost(state);
          return state.outcome;
        }
        buffer += decoder.decode(chunk.value, { stream: true });
        var at;
        while ((at = buffer.indexOf("\n\n")) >= 0) {
          var raw = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          handle(parseEvent(raw), state);
        }
        return pump();
      });
    }
    return pump().catch(function () {
      if (!state.finished) connectionLost(state);
      return state.outcome;
    });
  }

  function parseEvent(raw) {
    var name = "message";
    var data = "";
    raw.split("\n").forEach(function (line) {
      if (line.indexOf("event:") === 0) name = line.slice(6).trim();
      else if (line.indexOf("data:") === 0) data += line.slice(5).trim();
    });
    return { name: name, data: data ? JSON.parse(data) : {} };
  }

  function handle(event, state) {
    var data = event.data;
    if (event.name === "coach") {
      if (!document.getElementById("turn-" + data.index)) {
        log.insertAdjacentHTML("beforeend", data.html);
        applyNudgePreference();
      }
      var fragment = streamingTemplate.content.cloneNode(true);
      state.bubble = fragment.firstElementChild;
      log.appendChild(fragment);
      scrollToEnd(true);
    } else if (event.name === "token") {
      if (state.bubble) {
        state.bubble.querySelector("[data-stream]").textContent += data.text;
        scrollToEnd(false);
      }
    } else if (event.name === "rep") {
      state.finished = true;
      state.outcome = "replied";
      if (state.bubble) state.bubble.remove();
      log.insertAdjacentHTML("beforeend", data.html);
      var added = document.getElementById("turn-" + data.index);
      status.textContent = repName + " said: " + (added ? added.querySelector(".text").textContent : "");
      scrollToEnd(true);
    } else if (event.name === "failed") {
      state.finished = true;
      state.outcome = "failed";
      if (state.bubble) state.bubble.remove();
      log.insertAdjacentHTML("beforeend", data.html);
      scrollToEnd(true);
    }
  }

  function connectionLost(state) {
    state.finished = true;
    state.outcome = "failed";
    if (state.bubble) state.bubble.remove();
    var li = document.createElement("li");
    li.className = "reply-failed";
    li.setAttribute("data-reply-failed", "");
    li.innerHTML =
      "<div role='alert'><p class='reply-failed-title'>The connection dropped before the reply " +
      "finished.</p><p>Your message is saved. Retry, or reload the page.</p></div>";
    var form = document.createElement("form");
    form.method = "post";
    form.action = composer.action.replace(/\/turns$/, "/retry");
    form.setAttribute("data-stream-form", "");
    form.setAttribute("data-retry", "");
    form.innerHTML = "<button type='submit' class='btn btn-secondary'>Retry</button>";
    li.appendChild(form);
    log.appendChild(li);
  }

  // --- live nudges (drill mode), switchable off and remembered ------------------------
  var toggle = composer.querySelector("[data-nudges-toggle]");
  function applyNudgePreference() {
    log.classList.toggle("nudges-off", !!toggle && !toggle.checked);
  }
  if (toggle) {
    try {
      toggle.checked = window.localStorage.getItem("coachsim.nudges") !== "off";
    } catch (e) {
      /* storage may be unavailable; keep the default */
    }
    toggle.addEventListener("change", function () {
      try {
        window.localStorage.setItem("coachsim.nudges", toggle.checked ? "on" : "off");
      } catch (e) {
        /* not remembered, still applied */
      }
      applyNudgePreference();
    });
    applyNudgePreference();
  }

  // --- the timer against the time box -------------------------------------------------
  var timer = document.querySelector("[data-timer]");
  if (timer) {
    // Elapsed time comes from the server, so a wrong clock on this computer doesn't matter.
    var started = Date.now() - parseInt(timer.getAttribute("data-elapsed-at-load"), 10) * 1000;
    var note = timer.querySelector("[data-timer-note]");
    var limit = parseInt(timer.getAttribute("data-limit"), 10);
    var shown = timer.querySelector("[data-elapsed]");
    var tick = function () {
      var seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
      var m = Math.floor(seconds / 60);
      var s = seconds % 60;
      shown.textContent = m + ":" + (s < 10 ? "0" : "") + s;
      timer.classList.toggle("is-late", seconds > limit * 0.8 && seconds <= limit);
      timer.classList.toggle("is-over", seconds > limit);
      note.textContent = seconds > limit ? " · over time: wrap up" : "";
    };
    tick();
    window.setInterval(tick, 1000);
  }

  scrollToEnd(true);
})();
