// Show only the fields that apply to the choices made: the team for "A team", the job title for "A job title",
// the date or the number of days for the due rule. Without JavaScript every field shows and the server ignores
// the ones that do not apply.
(function () {
  const form = document.querySelector("[data-assignment-form]");
  if (!form) return;
  const shownWhen = { team: ["scope", "team"], job_title: ["scope", "job_title"],
                      due_on: ["due_rule", "date"], due_within_days: ["due_rule", "days"] };
  function update() {
    for (const [field, [radio, value]] of Object.entries(shownWhen)) {
      const chosen = form.querySelector('input[name="' + radio + '"]:checked');
      const wrapper = form.querySelector('[data-field="' + field + '"]');
      if (wrapper) wrapper.hidden = !chosen || chosen.value !== value;
    }
  }
  form.addEventListener("change", update);
  update();
})();
