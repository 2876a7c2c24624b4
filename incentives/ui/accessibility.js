// Wide tables scroll sideways on a phone. A region that scrolls must be reachable by keyboard
// (WCAG 2.1.1), and Streamlit's tables hold nothing focusable, so each table that overflows
// gets a tab stop and a name; one that fits again loses them. A table is checked when the page
// changes and whenever its size or its box's size changes (fonts loading, the window turning).
// Runs once per page.
(() => {
  if (window.incentivesScrollRegions) return;
  window.incentivesScrollRegions = true;
  const label = "Table: scroll sideways to see every column";
  const watched = new WeakSet();
  const check = (region) => {
    const overflows = region.scrollWidth > region.clientWidth;
    if (overflows && region.getAttribute("tabindex") !== "0") {
      region.setAttribute("tabindex", "0");
      region.setAttribute("role", "region");
      region.setAttribute("aria-label", label);
    } else if (!overflows && region.getAttribute("aria-label") === label) {
      region.removeAttribute("tabindex");
      region.removeAttribute("role");
      region.removeAttribute("aria-label");
    }
  };
  const isTable = (element) => element.matches('[data-testid="stTableStyledTable"]');
  const resized = new ResizeObserver((entries) => {
    for (const { target } of entries) check(isTable(target) ? target.parentElement : target);
  });
  // New tables are only watched here: the ResizeObserver checks each one once it has been
  // laid out (it reports every watched box when first observed), so reading its widths
  // never forces the browser to lay out the page while Streamlit is still drawing it.
  let pending = false;
  const mark = () => {
    pending = false;
    for (const table of document.querySelectorAll('[data-testid="stTableStyledTable"]')) {
      const region = table.parentElement;
      if (!watched.has(region)) {
        watched.add(region);
        resized.observe(region);
        resized.observe(table);
      }
    }
  };
  const soon = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(mark);
    }
  };
  new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
  mark();
})();
