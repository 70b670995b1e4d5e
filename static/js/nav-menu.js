// The main navigation on a phone: a disclosure button shows and hides the list; Escape closes it and gives
// focus back to the button. Without this script (or on a wide screen) the list simply stays open.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var button = nav && nav.querySelector(".nav-toggle");
  if (!button) return;
  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("menu-open", open);
  }
  nav.classList.add("has-menu");
  button.hidden = false;
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
