// Wide tables scroll sideways on a phone. A region that scrolls must be reachable by keyboard
// (WCAG 2.1.1), and Streamlit's tables hold nothing focusable, so each table that overflows
// gets a tab stop and a name; one that fits again loses them. Runs once per page.
(() => {
  if (window.incentivesScrollRegions) return;
  window.incentivesScrollRegions = true;
  const label = "Table: scroll sideways to see every column";
  const mark = () => {
    for (const table of document.querySelectorAll('[data-testid="stTableStyledTable"]')) {
      const region = table.parentElement;
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
    }
  };
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
  window.addEventListener("resize", mark);
  mark();
})();
