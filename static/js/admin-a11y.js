// Names that Wagtail's admin leaves out, given from our side until Wagtail gives them itself (issue #15,
// finding 10). Each fix only fills a gap: once Wagtail's own markup names the element, it does nothing.
// Loaded on every admin page by learning/core/admin_a11y.py; runs again whenever the admin adds to the page
// (a new StreamField block, an editor starting, a tag typed).
(function () {
  "use strict";
  var made = 0;

  function idOf(element) {
    if (!element.id) {
      made += 1;
      element.id = "a11y-name-" + made;
    }
    return element.id;
  }

  function existing(ids) {
    return (ids || "").split(/\s+/).filter(function (id) {
      return id && document.getElementById(id);
    });
  }

  function named(element) {
    return (
      Boolean(element.getAttribute("aria-label")) ||
      existing(element.getAttribute("aria-labelledby")).length > 0 ||
      Boolean(element.labels && element.labels.length)
    );
  }

  // What names a field: its <label>; in a StructBlock, the label Wagtail writes without a `for` before a
  // rich-text field; for a block placed directly in a StreamField, which Wagtail renders with no label at all
  // (wagtail/wagtail#11179), the block's type in the block's heading ("Learning outcome", "Rich text").
  function nameFor(field) {
    if (field.labels && field.labels.length) return idOf(field.labels[0]);
    var label = field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]');
    if (label) return idOf(label);
    var wrapper = field.closest("[data-field-wrapper]");
    label = wrapper && wrapper.previousElementSibling;
    if (label && label.matches("label.w-field__label:not([for])")) return idOf(label);
    var panel = field.closest("[data-panel]");
    var heading = panel && document.getElementById(panel.getAttribute("aria-labelledby"));
    var type = heading && heading.querySelector(".c-sf-block__type");
    return type && type.textContent.trim() ? idOf(type) : null;
  }

  function describe(element, ids) {
    var kept = ids.filter(function (id, index) {
      return ids.indexOf(id) === index;
    });
    if (!kept.length) element.removeAttribute("aria-describedby");
    else if (element.getAttribute("aria-describedby") !== kept.join(" ")) {
      element.setAttribute("aria-describedby", kept.join(" "));
    }
  }

  function labelFields() {
    // Inputs of StreamField blocks (wagtail/wagtail#11179), and the input the tag widget types into, which
    // jQuery tag-it adds beside the labelled field it hides.
    document.querySelectorAll("[data-field-input] :is(input, textarea, select)").forEach(function (field) {
      if (field.type === "hidden" || named(field)) return;
      var tagList = field.closest("ul.tagit");
      var source = tagList ? tagList.previousElementSibling : field;
      var name = source && nameFor(source);
      if (!name) return;
      field.setAttribute("aria-labelledby", name);
      if (source !== field && !field.hasAttribute("aria-describedby")) {
        describe(field, existing(source.getAttribute("aria-describedby")));
      }
    });
  }

  function nameRichTextEditors() {
    // Draftail's editing box is a contenteditable textbox beside the hidden input that carries the label,
    // so it has no name (wagtail/wagtail#14205); and Draft.js points its aria-describedby at its placeholder
    // even when no placeholder is shown. The box is named by the field's label and described by what exists:
    // the placeholder while it shows, the field's help text, Draftail's character count.
    document.querySelectorAll("[data-draftail-editor-wrapper]").forEach(function (wrapper) {
      var input = wrapper.parentNode.querySelector(":scope > input[type=hidden]");
      var box = wrapper.querySelector('[contenteditable="true"][role="textbox"]');
      if (!input || !box) return;
      if (!named(box)) {
        var name = nameFor(input);
        if (name) box.setAttribute("aria-labelledby", name);
      }
      var editor = box.closest(".DraftEditor-root");
      var placeholder = editor && editor.querySelector(".public-DraftEditorPlaceholder-inner[id]");
      describe(
        box,
        existing(box.getAttribute("aria-describedby"))
          .concat(placeholder ? [placeholder.id] : [])
          .concat(existing(input.getAttribute("aria-describedby")))
      );
    });
  }

  function nameDashboardSummary() {
    // The dashboard's site summary is labelled by a "header-title" its page does not have; it has a heading
    // of its own.
    document.querySelectorAll("section.w-summary[aria-labelledby]").forEach(function (section) {
      var heading = section.querySelector("h2");
      if (heading && !existing(section.getAttribute("aria-labelledby")).length) {
        section.setAttribute("aria-labelledby", idOf(heading));
      }
    });
  }

  var queued = false;
  function run() {
    queued = false;
    labelFields();
    nameRichTextEditors();
    nameDashboardSummary();
  }
  function queue() {
    if (!queued) {
      queued = true;
      window.requestAnimationFrame(run);
    }
  }

  new MutationObserver(queue).observe(document.documentElement, { childList: true, subtree: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", run);
  else run();
})();
