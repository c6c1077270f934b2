// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll("[data-select-all]")) {
    toggle.addEventListener("change", () => {
      for (const box of document.querySelectorAll(`input[name="${toggle.dataset.selectAll}"]`)) {
        box.checked = toggle.checked;
      }
    });
  }
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
});
