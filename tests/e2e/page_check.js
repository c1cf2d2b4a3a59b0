// What a person would see wrong on a page, measured in one pass (tests/e2e/test_every_page.py):
// form controls that overlap one another, check labels narrower than their longest word,
// a page that scrolls sideways, and axe-core's accessibility violations.
async ({ axe: runAxe, results }) => {
  const width = window.innerWidth;
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    const id = el.id ? `#${el.id}` : el.name ? `[name=${el.name}]` : "";
    const css = typeof el.className === "string" && el.className && !id
      ? "." + el.className.trim().split(/\s+/).slice(0, 2).join(".") : "";
    return `${el.tagName.toLowerCase()}${id}${css}${text ? ` “${text.slice(0, 30)}”` : ""}`;
  };
  // Shown to a sighted person: laid out, not hidden, not a visually-hidden helper.
  const shown = (el) => {
    if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1) return false;
    const style = getComputedStyle(el);
    return style.clip === "auto" && style.clipPath === "none";
  };

  const checkInput = 'input[type="checkbox"], input[type="radio"]';
  const isCheckLabel = (label) =>
    label.classList.contains("form-check-label") ||
    label.querySelector(checkInput) !== null ||
    (label.control && label.control.matches(checkInput));
  const controls = [...document.querySelectorAll(
    'input:not([type="hidden"]), select, textarea, button, label'
  )].filter((el) => shown(el) && (el.tagName !== "LABEL" || isCheckLabel(el)));

  // Pairs of controls whose boxes overlap (by more than a pixel each way), unless one holds
  // the other (a label around its check box).
  const boxes = controls.map((el) => [el, el.getBoundingClientRect()]);
  boxes.sort((a, b) => a[1].top - b[1].top);
  const overlaps = [];
  for (let i = 0; i < boxes.length; i++) {
    const [a, ra] = boxes[i];
    for (let j = i + 1; j < boxes.length; j++) {
      const [b, rb] = boxes[j];
      if (rb.top >= ra.bottom - 1) break;
      const across = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
      const down = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
      if (across > 1 && down > 1 && !a.contains(b) && !b.contains(a)) {
        overlaps.push(`${describe(a)} overlaps ${describe(b)}`);
      }
    }
  }

  // A check box's label must be at least as wide as its longest word (Thai words found by
  // the browser's own word breaker), or the text runs one word, or one letter, per line.
  const canvas = document.createElement("canvas").getContext("2d");
  const words = new Intl.Segmenter("th", { granularity: "word" });
  const narrowLabels = [];
  for (const label of controls.filter((el) => el.tagName === "LABEL")) {
    const style = getComputedStyle(label);
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    let longest = "";
    let longestWidth = 0;
    for (const part of words.segment(label.innerText)) {
      if (!part.isWordLike) continue;
      const measured = canvas.measureText(part.segment).width;
      if (measured > longestWidth) [longest, longestWidth] = [part.segment, measured];
    }
    // The room the text has: the label's own box, or the box around it if that is narrower
    // (an inline-block label as wide as its longest word sticks out of a squeezed list).
    const inner = (el) => {
      const css = getComputedStyle(el);
      return el.getBoundingClientRect().width
        - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight)
        - parseFloat(css.borderLeftWidth) - parseFloat(css.borderRightWidth);
    };
    const room = Math.min(inner(label), inner(label.parentElement));
    if (room + 1 < longestWidth) {
      narrowLabels.push(
        `${describe(label)} is ${Math.round(room)} px wide, its word “${longest}” ` +
        `${Math.round(longestWidth)} px`
      );
    }
  }

  // The page itself scrolling sideways, and the outermost elements that stick out: not those
  // inside a box that scrolls on its own (a .table-scroll), unless they escape it (an
  // absolutely positioned element whose containing block is outside the box).
  const scrollWidth = document.documentElement.scrollWidth;
  const stickingOut = [];
  if (scrollWidth > width) {
    const clipped = (el) => {
      const absolute = ["absolute", "fixed"].includes(getComputedStyle(el).position);
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const style = getComputedStyle(up);
        if (style.overflowX !== "visible" && (!absolute || style.position !== "static")) {
          return true;
        }
      }
      return false;
    };
    const escapes = (el) => el.getBoundingClientRect().right > width + 1 && !clipped(el);
    for (const el of document.body.querySelectorAll("*")) {
      if (escapes(el) && (el.parentElement === document.body || !escapes(el.parentElement))) {
        stickingOut.push(`${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)} px`);
        if (stickingOut.length === 5) break;
      }
    }
  }

  // A table that puts its amounts among its first three columns (a list of projects: number,
  // name, budget) shows them on the screen, not pushed off to the right by a wide name.
  const moneyOffScreen = [];
  for (const table of document.querySelectorAll("table")) {
    const column = (td) =>
      [...td.parentElement.cells].slice(0, td.cellIndex).reduce((n, c) => n + c.colSpan, 0);
    const cell = [...table.querySelectorAll("tbody td.money")].find((td) => column(td) <= 2);
    if (cell && shown(cell) && cell.getBoundingClientRect().right > width + 1) {
      moneyOffScreen.push(
        `the amounts of table ${describe(table).slice(0, 40)} start at ` +
        `${Math.round(cell.getBoundingClientRect().left)} px, off the ${width} px screen`
      );
    }
  }

  // After a search, the first result is on the first screen.
  const searchProblems = [];
  if (results) {
    const first = document.querySelector(results);
    if (!first) searchProblems.push(`the search shows no result (${results})`);
    else if (first.getBoundingClientRect().top > window.innerHeight) {
      searchProblems.push(
        `the first result is ${Math.round(first.getBoundingClientRect().top)} px down, ` +
        `below the first screen (${window.innerHeight} px)`
      );
    }
  }

  // axe-core on the page; a long table's rows after its 20th are the same template again.
  const axeResults = runAxe
    ? await axe.run({ exclude: ["tbody > tr:nth-child(n+21)"] }, { resultTypes: ["violations"] })
    : { violations: [] };
  const violations = axeResults.violations.map(
    (v) => `axe ${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ") +
      (v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : "")
  );
  return {
    overlaps, narrowLabels, scrollWidth, stickingOut, moneyOffScreen, searchProblems, violations,
  };
}
