/* The module's cmi5 assignable unit (cmi5 spec, section 9 and 10): read the launch parameters the LMS put in
 * the address, fetch the auth token once, read LMS.LaunchData, and send the cmi5 defined statements
 * (initialized, completed, passed or failed, terminated) to the LMS's LRS. No library and no other file: the
 * package must work inside networks that reach nothing but the LMS. */
(function () {
  "use strict";
  var VERBS = "http://adlnet.gov/expapi/verbs/";
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
  var params = new URLSearchParams(window.location.search);
  var launch = {};
  ["endpoint", "fetch", "actor", "registration", "activityId"].forEach(function (name) {
    launch[name] = params.get(name);
  });
  var run = { auth: null, data: {}, started: Date.now(), sent: {} };
  var status = document.getElementById("au-status");

  function say(text) { status.textContent = text; }

  function uuid() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function endpoint(path) { return launch.endpoint.replace(/\/?$/, "/") + path; }

  function headers(extra) {
    return Object.assign({ "Authorization": "Basic " + run.auth, "X-Experience-API-Version": "1.0.3" }, extra || {});
  }

  function fetchToken() {
    return fetch(launch.fetch, { method: "POST" }).then(function (response) {
      if (!response.ok) { throw new Error("fetch " + response.status); }
      return response.json();
    }).then(function (body) { run.auth = body["auth-token"]; });
  }

  function launchData() {
    var query = new URLSearchParams({
      stateId: "LMS.LaunchData", activityId: launch.activityId, agent: launch.actor, registration: launch.registration
    });
    return fetch(endpoint("activities/state?" + query), { headers: headers() }).then(function (response) {
      return response.ok ? response.json() : {};
    }).catch(function () { return {}; }).then(function (data) { run.data = data || {}; });
  }

  function statement(verb, result, moveOn) {
    var template = run.data.contextTemplate || {};
    var context = JSON.parse(JSON.stringify(template));
    context.registration = launch.registration;
    context.contextActivities = context.contextActivities || {};
    var category = context.contextActivities.category || [];
    category.push({ id: CMI5 });
    if (moveOn) { category.push({ id: MOVEON }); }
    context.contextActivities.category = category;
    context.extensions = context.extensions || {};
    context.extensions[SESSION] = context.extensions[SESSION] || run.session;
    var body = {
      id: uuid(),
      actor: JSON.parse(launch.actor),
      verb: { id: VERBS + verb, display: { "en-GB": verb } },
      object: { objectType: "Activity", id: launch.activityId },
      context: context,
      timestamp: new Date().toISOString()
    };
    if (result) { body.result = result; }
    return body;
  }

  function duration() { return "PT" + ((Date.now() - run.started) / 1000).toFixed(2) + "S"; }

  function send(verb, result, moveOn) {
    if (run.sent[verb]) { return Promise.resolve(); }
    run.sent[verb] = true;
    var body = statement(verb, result, moveOn);
    return fetch(endpoint("statements?statementId=" + body.id), {
      method: "PUT", headers: headers({ "Content-Type": "application/json" }), body: JSON.stringify(body)
    }).then(function (response) {
      if (!response.ok && response.status !== 409) { throw new Error(verb + " " + response.status); }
    });
  }

  function graded() { return run.data.launchMode === undefined || run.data.launchMode === "Normal"; }

  function mark(question, chosen) {
    if (question.type !== "multi" && chosen.length > 1) { return 0; }
    var total = question.options.reduce(function (sum, option) {
      return sum + (chosen.indexOf(option.key) >= 0 ? option.fraction : 0);
    }, 0) / 100;
    return Math.min(1, Math.max(0, total));
  }

  function drawQuiz(quiz) {
    var pool = quiz.questions.slice();
    for (var i = pool.length - 1; i > 0; i -= 1) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = pool[i]; pool[i] = pool[j]; pool[j] = swap;
    }
    return pool.slice(0, Math.min(quiz.perAttempt, pool.length));
  }

  function showQuiz(quiz, form) {
    var drawn = drawQuiz(quiz);
    var holder = document.getElementById("au-questions");
    drawn.forEach(function (question, index) {
      var fieldset = document.createElement("fieldset");
      var legend = document.createElement("legend");
      legend.innerHTML = "<span>" + (index + 1) + ".</span> " + question.text;
      fieldset.appendChild(legend);
      question.options.forEach(function (option) {
        var label = document.createElement("label");
        var input = document.createElement("input");
        input.type = question.type === "multi" ? "checkbox" : "radio";
        input.name = "q" + question.id;
        input.value = option.key;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + option.text));
        fieldset.appendChild(label);
      });
      holder.appendChild(fieldset);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var marks = drawn.map(function (question) {
        var chosen = Array.prototype.map.call(
          form.querySelectorAll("input[name='q" + question.id + "']:checked"), function (input) { return input.value; });
        return mark(question, chosen);
      });
      var score = Math.round(marks.reduce(function (a, b) { return a + b; }, 0) / marks.length * 10000) / 100;
      var mastery = typeof run.data.masteryScore === "number" ? run.data.masteryScore : quiz.passMark / 100;
      var passed = score / 100 >= mastery;
      var result = { score: { scaled: score / 100, raw: score, min: 0, max: 100 }, success: passed, duration: duration() };
      var outcome = document.getElementById("au-result");
      outcome.textContent = (passed ? "Passed: " : "Not passed yet: ") + score + "%.";
      outcome.focus();
      if (graded()) { send(passed ? "passed" : "failed", result, true).catch(fail); }
    });
    form.querySelector("button[type=submit]").disabled = false;
  }

  function fail(error) { say("Your progress could not be recorded (" + error.message + "). Please tell your LMS administrator."); }

  function start() {
    if (!launch.endpoint || !launch.fetch || !launch.actor || !launch.registration || !launch.activityId) {
      say("Open this course from your learning management system: it was opened without its launch details.");
      return;
    }
    run.session = uuid();
    fetchToken().then(launchData).then(function () { return send("initialized"); }).then(function () {
      say("Ready. Your progress is recorded in your learning management system.");
      var complete = document.getElementById("au-complete");
      complete.disabled = false;
      complete.addEventListener("click", function () {
        if (graded()) { send("completed", { completion: true, duration: duration() }, true).catch(fail); }
        complete.disabled = true;
      });
      var quiz = JSON.parse(document.getElementById("quiz-data").textContent);
      var form = document.getElementById("au-quiz-form");
      if (quiz && form) { showQuiz(quiz, form); }
      var finish = document.getElementById("au-finish");
      finish.disabled = false;
      finish.addEventListener("click", function () {
        finish.disabled = true;
        send("terminated", { duration: duration() }).then(function () {
          say("Finished. You can close this window.");
          if (run.data.returnURL) { window.location.assign(run.data.returnURL); }
        }).catch(fail);
      });
    }).catch(fail);
  }

  start();
}());
