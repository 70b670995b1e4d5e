// Show the "Print this lesson" button and make it print. Without JavaScript it stays hidden: the browser's own
// Print command does the same, with the same print stylesheet.
(function () {
  for (const button of document.querySelectorAll("button[data-print]")) {
    button.addEventListener("click", function () { window.print(); });
    button.hidden = false;
  }
})();
