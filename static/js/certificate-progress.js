// The quiz result page's way to the certificate: poll the status and show each new state (from the page's
// templates, in its live region) until the certificate's links are there. The server renders the state it
// knows, so without this script the page still says where things stand.
(function () {
  const box = document.querySelector("[data-certificate-status-url]");
  if (!box) return;
  const message = box.querySelector("[data-certificate-message]");
  const waiting = (state) => state === "recording" || state === "preparing";
  let delay = 1000;

  function show(data) {
    const template = box.querySelector(`template[data-state="${data.state}"]`);
    if (!template) return;
    const content = template.content.cloneNode(true);
    for (const link of content.querySelectorAll("[data-link]")) {
      link.href = data.links[link.dataset.link];
    }
    message.replaceChildren(content);
    box.dataset.state = data.state;
  }

  async function poll() {
    try {
      const response = await fetch(box.dataset.certificateStatusUrl, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      if (response.ok) {
        const data = await response.json();
        if (data.state !== box.dataset.state) show(data);
      }
    } catch (error) {
      // Offline for a moment: the next poll tries again.
    }
    if (waiting(box.dataset.state)) {
      delay = Math.min(delay * 1.5, 15000); // a slow worker is not polled every second for ever
      setTimeout(poll, delay);
    }
  }

  if (waiting(box.dataset.state)) setTimeout(poll, delay);
})();
