// The only search code every page loads. The search itself (search.js) and this language's
// index load when the reader starts a search: focuses the box, presses "/", "s" or "f", taps
// the magnifier, or opens the search page with a query.
(() => {
  const script = document.currentScript;
  const toggle = document.getElementById("__search"); // Material's: shows the box on phones
  const headerInput = document.querySelector(".md-search [data-ttdn-search-input]");
  let loaded;
  const load = () => (loaded ??= import(new URL("search.js", script.src).href)
    .then((search) => search.start(document)));

  const open = () => {
    if (!headerInput) return;
    if (toggle) toggle.checked = true;
    headerInput.focus();
  };
  const close = () => {
    if (toggle) toggle.checked = false;
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  };

  // Wide screens: Tab onto the box loads only; the panel and its grey backdrop open on typing
  // and close when focus leaves the search. Below 60em the box is in the panel: focus opens it.
  const panel = headerInput?.closest(".md-search");
  const narrow = matchMedia("(max-width: 59.984375em)");
  document.addEventListener("focusin", (event) => {
    if (!event.target.matches?.("[data-ttdn-search-input]")) return;
    if (event.target === headerInput && toggle && narrow.matches) toggle.checked = true;
    load();
  });
  headerInput?.addEventListener("input", () => {
    if (toggle && headerInput.value) toggle.checked = true;
  });
  panel?.addEventListener("focusout", (event) => {
    // null: a click on the backdrop (its label closes) or another window.
    const next = event.relatedTarget;
    if (toggle?.checked && next instanceof Node && !panel.contains(next)
        && !next.closest?.(".ttdn-search-open")) toggle.checked = false;
  });
  document.addEventListener("click", (event) => {
    const opener = event.target.closest?.("[data-ttdn-search-open]");
    if (!opener || !headerInput) return;
    event.preventDefault(); // without JavaScript it is a link to the search page
    open();
  });
  toggle?.addEventListener("change", () => (toggle.checked ? open() : close()));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && toggle?.checked) {
      close();
      return;
    }
    const target = event.target;
    const typing = target instanceof HTMLElement
      && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    if (["/", "s", "f", "S", "F"].includes(event.key)) { // Material's shortcuts
      event.preventDefault();
      open();
    }
  });
  const pageForm = document.querySelector("[data-ttdn-search-page]");
  if (pageForm) {
    pageForm.hidden = false; // the search page's own box works only with JavaScript
    if (new URLSearchParams(location.search).get("q")) load();
  }
})();
