// Ask whether the reflective-account PDF is ready, and offer the download link once it is.
// Without JavaScript the page's Refresh link does the same.
(function () {
  const box = document.querySelector("[data-export-status-url]");
  if (!box) return;
  const message = box.querySelector("[data-export-message]");
  if (!message.querySelector("[data-export-refresh]")) return; // already ready, or failed
  let tries = 0;

  function show(status) {
    if (status === "ready") {
      const link = document.createElement("a");
      link.className = "button";
      link.href = box.dataset.exportDownloadUrl;
      link.textContent = "Download your PDF";
      message.replaceChildren(link);
    } else {
      message.textContent = "Something went wrong preparing the PDF. Please go back and try again.";
    }
  }

  async function poll() {
    tries += 1;
    try {
      const response = await fetch(box.dataset.exportStatusUrl, { credentials: "same-origin" });
      const data = await response.json();
      if (data.status !== "pending") { show(data.status); return; }
    } catch (error) { /* a dropped connection: try again below */ }
    if (tries < 120) setTimeout(poll, Math.min(1000 * tries, 5000));
  }
  setTimeout(poll, 700);
})();
