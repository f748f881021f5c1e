// The header's menu button (tablets and narrow windows): opens and closes the navigation.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".menu-button");
  if (!button) return;
  const open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  button.closest("header").classList.toggle("open", open);
});
