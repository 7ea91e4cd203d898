// The 复制链接 button of the applicant's page: shown only where the clipboard can be written.
document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-copy]")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      const field = document.querySelector(button.dataset.copy);
      await navigator.clipboard.writeText(field.value);
      button.textContent = "已复制";
    });
  }
});
