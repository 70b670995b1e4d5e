// Save quiz answers as the learner goes, so a closed tab or lost connection loses nothing.
// Without JavaScript the form still works: answers are sent when it is submitted.
(function () {
  const form = document.querySelector("form[data-autosave-url]");
  if (!form) return;
  const status = form.querySelector("[data-autosave-status]");
  let timer = null;
  async function save() {
    try {
      const response = await fetch(form.dataset.autosaveUrl, {
        method: "POST", body: new FormData(form), credentials: "same-origin",
        headers: { "X-Requested-With": "fetch" },
      });
      const data = await response.json();
      status.textContent = data.saved ? "Answers saved." : data.message;
    } catch (error) {
      status.textContent = "Could not save just now; your answers will be sent when you submit.";
    }
  }
  form.addEventListener("change", function () {
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  });
})();
