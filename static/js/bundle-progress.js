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
    text.textContent = data.percent + "% complete";
    if (data.status === "ready") {
      message.innerHTML = '<a class="button" href="' + box.dataset.bundleDownloadUrl + '">Download the ZIP</a>';
    } else if (data.status === "failed") {
      message.textContent = "Something went wrong preparing the ZIP.";
      box.querySelector("[data-bundle-retry]").hidden = false;
    } else {
      setTimeout(poll, 1000);
    }
  }
  if (!message.querySelector("a")) setTimeout(poll, 500);
})();
