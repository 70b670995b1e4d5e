// Poll the ZIP job and update the progress bar; offer the download when it is ready, or to try again if it failed.
(function () {
  const box = document.querySelector("[data-bundle-status-url]");
  if (!box) return;
  const bar = box.querySelector('[role="progressbar"]');
  const fill = box.querySelector(".progress-fill rect");
  const text = box.querySelector(".progress-text");
  const message = box.querySelector("[data-bundle-message]");
  async function poll() {
    const response = await fetch(box.dataset.bundleStatusUrl, { credentials: "same-origin" });
    const data = await response.json();
    bar.setAttribute("aria-valuenow", data.percent);
    fill.setAttribute("width", data.percent);
    text.textContent = box.dataset.textComplete.replace("%s", data.percent);
    if (data.status === "ready") {
      const link = document.createElement("a");
      link.className = "button";
      link.href = box.dataset.bundleDownloadUrl;
      link.textContent = box.dataset.textReady;
      message.replaceChildren(link);
    } else if (data.status === "failed") {
      message.textContent = box.dataset.textFailed;
      box.querySelector("[data-bundle-retry]").hidden = false;
    } else {
      setTimeout(poll, 1000);
    }
  }
  if (!message.querySelector("a")) setTimeout(poll, 500);
})();
