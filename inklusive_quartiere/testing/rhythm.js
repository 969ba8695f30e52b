// Measures the vertical rhythm around every H2/H3 in <main>: the visible gap to what comes before the
// heading and to what comes after it. "Visible" means the edge a reader sees: a box with a border or a
// background counts with its own edge; a plain wrapper counts with its first (or last) visible child,
// so collapsed or nested margins do not hide a gap. Returns one record per heading.
(() => {
  const visible = (el) => {
    // Content of a closed <details> keeps a layout box in Chromium (content-visibility), but nobody sees it.
    if (el.checkVisibility && !el.checkVisibility()) return false;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") return false;
    if (style.position === "absolute" || style.position === "fixed") return false;
    const rect = el.getBoundingClientRect();
    return rect.height > 0 && rect.width > 0;
  };
  const framed = (el) => {
    const style = getComputedStyle(el);
    const bordered = ["Top", "Bottom", "Left"].some(
      (side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== "none",
    );
    const filled = style.backgroundColor !== "rgba(0, 0, 0, 0)" && style.backgroundColor !== "transparent";
    return bordered || filled || ["TABLE", "IMG", "SVG", "svg", "VIDEO", "IFRAME", "INPUT", "SELECT"].includes(el.tagName);
  };
  // Block-level children only: a paragraph with links or an address with <br>s is one box of text.
  const children = (el) =>
    Array.from(el.children).filter((kid) => visible(kid) && !getComputedStyle(kid).display.startsWith("inline"));
  // The visible top of a block: itself when framed or a leaf, else its first visible child's top.
  const topEdge = (el) => {
    while (!framed(el)) {
      const kids = children(el);
      if (!kids.length) break;
      el = kids[0];
    }
    return el.getBoundingClientRect().top;
  };
  const bottomEdge = (el) => {
    while (!framed(el)) {
      const kids = children(el);
      if (!kids.length) break;
      el = kids[kids.length - 1];
    }
    return el.getBoundingClientRect().bottom;
  };
  // The element after (or before) the heading in reading order: the next visible sibling, or, at the end of a
  // wrapper, the wrapper's next sibling. Returns [element, null] or [null, framed ancestor] when the heading
  // sits at the edge of a framed box (a card): then the box's edge is the neighbour.
  // A sibling counts only when it lies above (or below) the heading, not beside it (grid and flex columns).
  const inLine = (sib, heading, forward) => {
    const a = sib.getBoundingClientRect();
    const h = heading.getBoundingClientRect();
    const overlaps = a.left < h.right && h.left < a.right;
    return overlaps && (forward ? a.top >= h.bottom - 1 : a.bottom <= h.top + 1);
  };
  const neighbour = (heading, forward) => {
    let el = heading;
    while (el && el.tagName !== "MAIN") {
      let sib = forward ? el.nextElementSibling : el.previousElementSibling;
      while (sib && !(visible(sib) && inLine(sib, heading, forward))) {
        sib = forward ? sib.nextElementSibling : sib.previousElementSibling;
      }
      if (sib) return { el: sib, edge: null };
      el = el.parentElement;
      if (el && framed(el) && visible(el)) {
        // Inside a card: the card's padding is the gap (its inner edge), not what lies outside it.
        const style = getComputedStyle(el);
        const rect = el.getBoundingClientRect();
        return {
          el: null,
          edge: forward
            ? rect.bottom - parseFloat(style.borderBottomWidth)
            : rect.top + parseFloat(style.borderTopWidth),
        };
      }
    }
    return { el: null, edge: null };
  };
  const main = document.querySelector("main");
  return Array.from(main.querySelectorAll("h2, h3"))
    .filter(visible)
    .map((h) => {
      const rect = h.getBoundingClientRect();
      const before = neighbour(h, false);
      const after = neighbour(h, true);
      const prevEdge = before.el ? bottomEdge(before.el) : before.edge;
      const nextEdge = after.el ? topEdge(after.el) : after.edge;
      return {
        tag: h.tagName.toLowerCase(),
        text: h.textContent.trim().slice(0, 60),
        above: prevEdge === null ? null : Math.round(rect.top - prevEdge),
        below: nextEdge === null ? null : Math.round(nextEdge - rect.bottom),
        next: after.el ? after.el.tagName.toLowerCase() + (after.el.className ? "." + String(after.el.className).split(" ")[0] : "") : null,
      };
    });
})();
