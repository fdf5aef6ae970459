// Add another (GOV.UK pattern) in the browser: the "Add another" and "Remove" buttons are
// submit buttons the server understands (triggers/blocks.py); with this module they clone or
// remove a block on the page instead, and renumber the blocks so the posted names stay
// prefix_1_…, prefix_2_… — the server counts the blocks from those names.

const NAMED = ["name", "id", "for", "aria-describedby", "href"];

function renumber(item, prefix, number) {
  const pattern = new RegExp(`(^|[\\s#])(id_)?${prefix}_\\d+_`, "g");
  const rename = (value) =>
    value.replace(pattern, (match, start, id) => `${start}${id || ""}${prefix}_${number}_`);
  for (const element of [item, ...item.querySelectorAll("*")]) {
    for (const attribute of NAMED) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, rename(value));
    }
  }
  for (const shown of item.querySelectorAll(".app-add-another__number")) {
    shown.textContent = String(number);
  }
  const remove = item.querySelector(".app-add-another__remove");
  if (remove) remove.value = `${prefix}-${number}`;
}

function empty(item) {
  for (const field of item.querySelectorAll("input, textarea, select")) {
    if (field.type === "checkbox" || field.type === "radio") field.checked = false;
    else if (field.tagName === "SELECT") field.selectedIndex = 0;
    else field.value = "";
    field.classList.remove(
      "govuk-input--error",
      "govuk-textarea--error",
      "govuk-select--error",
    );
  }
  for (const message of item.querySelectorAll(".govuk-error-message")) message.remove();
  for (const group of item.querySelectorAll(".govuk-form-group--error")) {
    group.classList.remove("govuk-form-group--error");
  }
}

function items(list, prefix) {
  return [...list.querySelectorAll(`[data-add-another-item="${prefix}"]`)];
}

function renumberAll(list, prefix) {
  items(list, prefix).forEach((item, index) => renumber(item, prefix, index + 1));
}

function add(list, prefix) {
  const all = items(list, prefix);
  const last = all[all.length - 1];
  const copy = last.cloneNode(true);
  empty(copy);
  last.after(copy);
  renumberAll(list, prefix);
  const first = copy.querySelector("input, textarea, select");
  if (first) first.focus();
}

function remove(list, prefix, item) {
  const all = items(list, prefix);
  if (all.length === 1) {
    empty(item);
  } else {
    const index = all.indexOf(item);
    item.remove();
    renumberAll(list, prefix);
    const next = items(list, prefix)[Math.min(index, all.length - 2)];
    const legend = next && next.querySelector("legend");
    if (legend) {
      legend.setAttribute("tabindex", "-1");
      legend.focus();
    }
  }
}

export function initAddAnother(root = document) {
  for (const list of root.querySelectorAll("[data-add-another]")) {
    const prefix = list.getAttribute("data-add-another");
    list.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button || !list.contains(button)) return;
      if (button.getAttribute("data-add-another-add") === prefix) {
        event.preventDefault();
        add(list, prefix);
      } else if (button.classList.contains("app-add-another__remove")) {
        const item = button.closest(`[data-add-another-item="${prefix}"]`);
        if (!item) return;
        event.preventDefault();
        remove(list, prefix, item);
      }
    });
  }
}
