// A form with data-confirm asks before it is sent (resending or cancelling an invitation): the question is
// the attribute's text, and "Cancel" leaves everything as it was. Without JavaScript the form is sent at once.
(function () {
  "use strict";
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
})();
