// The register's "Mark all present" button: ticks every person's box. Without scripts, each box is ticked
// by hand; the button stays hidden.
document.querySelectorAll("[data-register-all]").forEach((button) => {
  const form = button.closest("form");
  button.hidden = false;
  button.addEventListener("click", () => {
    form.querySelectorAll('input[name="attended"]').forEach((box) => {
      box.checked = true;
    });
  });
});
