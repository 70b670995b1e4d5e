// Save a reflection as its author types, so a closed tab or a lost connection loses nothing.
// Without JavaScript the Save draft button does the same job.
(function () {
  const form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  const url = form.dataset.autosaveUrl;
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  let dirty = false;
  let saving = false;

  function say(text) {
    // The status region is announced by screen readers: change it only when the message changes.
    if (status.textContent !== text) status.textContent = text;
  }

  async function save() {
    if (saving) { timer = setTimeout(save, 1000); return; }
    saving = true;
    dirty = false;
    try {
      const response = await fetch(url, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const data = await response.json();
      if (data.saved) {
        const time = new Date(data.saved_at).toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
        say("Draft saved at " + time + ".");
      } else {
        say(data.message);
      }
    } catch (error) {
      dirty = true;
      say("Could not save just now. Use Save draft before you leave this page.");
    } finally {
      saving = false;
    }
  }

  form.addEventListener("input", function () {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  });
  // The buttons send the whole form themselves; an autosave racing them would be wasted.
  form.addEventListener("submit", function () { clearTimeout(timer); dirty = false; });
  // Leaving the page: a beacon is still delivered after the tab has closed.
  window.addEventListener("pagehide", function () {
    if (dirty && navigator.sendBeacon) navigator.sendBeacon(url, new FormData(form));
  });
})();
