// Removes the CSS rules no page can use: KERN UX ships every variant of every component (and ~200 icons as data
// URIs); the site uses a fraction. The purge is scan-based, so a new template or SCSS partial needs no change here:
// every word in the project's templates, Python, scripts and demo content counts as a possible class name.
//
// What is scanned (CONTENT below): all templates (html, svg, txt, xml), all Python files except tests and
// migrations (form widgets, template tags, rich-text features, block classes), the site's and the apps' scripts,
// and the demo content JSON. A class is kept when its name appears there as a whole word.
//
// Class names built at run time: `kern-alert--{{ variant }}` (Django), `f"iq-x--{tone}"` (Python) and
// `` `iq-x--${state}` `` (JavaScript) make `kern-alert--`, `iq-x--` dynamic prefixes; every class of the CSS that
// starts with such a prefix and ends in a quoted word of the scanned files is kept (`kern-alert--danger` when
// "danger" is written somewhere as a string, e.g. `{% alert variant="danger" %}` or `variant = "danger"`).
//
// Safelist (SAFELIST below): for what no scanned file names, e.g. classes a third-party library adds at run time
// (Leaflet's `leaflet-*`) or that Django/Wagtail write from their own templates. Add a string or a RegExp there.
// All element selectors (h1, table, blockquote …) are kept: rich text from the editors can contain any of them.
// Removed selectors are listed in inklusive_quartiere/built/.purge-report.json after each build.
import postcss from "postcss";
import { PurgeCSS } from "purgecss";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";

// Directories (relative to the project root), and which files in them are content.
const CONTENT = [
  { dir: "inklusive_quartiere", test: (path) => /[\\/]templates[\\/].*\.(html|svg|txt|xml)$/.test(path) },
  { dir: "inklusive_quartiere", test: (path) => path.endsWith(".py") && !isTestOrMigration(path) },
  { dir: "inklusive_quartiere", test: (path) => /[\\/]static[\\/].*\.js$/.test(path) },
  { dir: "inklusive_quartiere", test: (path) => /[\\/]demo_content[\\/].*\.json$/.test(path) },
  { dir: "frontend/js", test: (path) => path.endsWith(".js") },
];

export const SAFELIST = {
  // Exact class names (or element/attribute words) no scanned file contains.
  standard: [
    // Django's form error list (`{{ field.errors }}` renders <ul class="errorlist">) and Wagtail's rich-text
    // image/embed wrappers, written by their own templates.
    "errorlist",
    "nonfield",
    "richtext-image",
    "responsive-object",
    "full-width",
    "left",
    "right",
    // KERN's focus style for editable regions (the attribute is written in lower case in HTML).
    "contentEditable",
    // Leaflet adds its classes at run time (its own leaflet.css is not purged; these cover our overrides).
    /^leaflet-/,
  ],
  // Keep a rule when any part of its selector matches (for state classes set by scripts we do not scan).
  greedy: [],
};

// Every HTML element name: element selectors stay (rich text from the database is not scanned).
const ELEMENTS = `a abbr address area article aside audio b bdi bdo blockquote body br button canvas caption cite
code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form
h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map mark menu meta
meter nav noscript object ol optgroup option output p picture pre progress q rp rt ruby s samp script search section
select slot small source span strong style sub summary sup svg table tbody td template textarea tfoot th thead time
title tr track u ul var video wbr path circle rect line polyline polygon g text use`.split(/\s+/);

function isTestOrMigration(path) {
  const parts = path.split(sep);
  const name = parts[parts.length - 1];
  return parts.includes("tests") || parts.includes("migrations") || parts.includes("built") || name.startsWith("test_");
}

function* walk(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "__pycache__" || entry.name === "node_modules") continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield path;
  }
}

export function contentFiles(root) {
  const files = new Set();
  for (const { dir, test } of CONTENT) {
    for (const path of walk(join(root, dir))) {
      if (test(relative(root, path))) files.add(path);
    }
  }
  return [...files].sort();
}

const WORD = /[A-Za-z0-9_-]+/g;
// A word that ends in - or _ right before a template/f-string/JS placeholder: `kern-alert--{{`, `iq-x--{`, `a-${`.
const DYNAMIC_PREFIX = /([A-Za-z][A-Za-z0-9_-]*[-_])(?=\{|\$\{)/g;
// A whole quoted string that is one word: `variant="danger"`, `default:'info'`, `tone = "success"`.
const LITERAL = /["'`]([A-Za-z0-9_-]+)["'`]/g;

export function scan(root) {
  const words = new Set(ELEMENTS);
  const literals = new Set();
  const prefixes = new Set();
  const files = contentFiles(root);
  for (const path of files) {
    const text = readFileSync(path, "utf8");
    for (const word of text.match(WORD) || []) words.add(word);
    for (const match of text.matchAll(DYNAMIC_PREFIX)) prefixes.add(match[1]);
    for (const match of text.matchAll(LITERAL)) literals.add(match[1]);
  }
  return { words, literals, prefixes, files };
}

export function classesOf(css) {
  // Class selectors; `\.` not followed by a digit, so that numbers such as `.5rem` are not taken for classes.
  return new Set([...css.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((match) => match[1]));
}

// The classes of the compiled CSS that a dynamic prefix plus a quoted word of the scanned files can produce.
function dynamicClasses(css, literals, prefixes) {
  const kept = new Set();
  const classes = classesOf(css);
  for (const name of classes) {
    for (const prefix of prefixes) {
      if (name.startsWith(prefix) && name.length > prefix.length) {
        if (literals.has(name.slice(prefix.length))) kept.add(name);
      }
    }
  }
  return kept;
}

// PurgeCSS drops a compound selector made only of pseudo-classes, e.g. KERN's
// `:is(body, .kern-light, …):not([class*=kern-level-])`, which sets the colour tokens on <body>. It also judges the
// classes inside a negation as if they had to be present: `main :where(h2):where(:not(:is(.kern-card, …) *))` (the
// spacing scale, _layout.scss) went because one class in the list was written nowhere, though a negated class that
// no page uses makes the rule apply more, not less. Rules with a selector whose classes outside its negations are all
// used (or that names none) are marked to be kept whole.
function withoutNegations(selector) {
  let out = "";
  for (let i = 0; i < selector.length; i += 1) {
    if (selector.startsWith(":not(", i)) {
      let depth = 0;
      for (i += 4; i < selector.length; i += 1) {
        if (selector[i] === "(") depth += 1;
        else if (selector[i] === ")" && --depth === 0) break;
      }
    } else {
      out += selector[i];
    }
  }
  return out;
}

function keepWhole(selector, used) {
  const trimmed = selector.trim();
  if (trimmed.startsWith(":") && !trimmed.startsWith(":root")) return true;
  if (!trimmed.includes(":not(")) return false;
  const classes = withoutNegations(trimmed).match(/\.[A-Za-z_-][\w-]*/g) || [];
  return classes.every((name) => used.has(name.slice(1)));
}

function protectPseudoOnlySelectors(css, used) {
  const tree = postcss.parse(css);
  tree.walkRules((rule) => {
    if (rule.selectors.some((selector) => keepWhole(selector, used))) {
      rule.prepend(postcss.comment({ text: "purgecss ignore current" }));
    }
  });
  return tree.toString();
}

export async function purge(css, root) {
  const { words, literals, prefixes, files } = scan(root);
  const dynamic = dynamicClasses(css, literals, prefixes);
  const [result] = await new PurgeCSS().purge({
    content: [{ raw: [...words, ...dynamic].join(" "), extension: "txt" }],
    css: [{ raw: protectPseudoOnlySelectors(css, new Set([...words, ...dynamic])) }],
    // Custom properties all stay: KERN chains them (a token defined through another), and PurgeCSS does not follow
    // such chains, so removing "unused" ones changed colours.
    variables: false,
    keyframes: true,
    fontFace: false,
    rejected: true,
    // Attribute selectors for states (set by a form, a script or the editor's content) always stay.
    dynamicAttributes: [
      "readonly",
      "disabled",
      "required",
      "hidden",
      "aria-disabled",
      "aria-invalid",
      "aria-expanded",
      "aria-current",
      "aria-selected",
      "aria-pressed",
      "aria-checked",
    ],
    safelist: { standard: SAFELIST.standard, greedy: SAFELIST.greedy },
  });
  return {
    css: result.css,
    rejected: result.rejected || [],
    files: files.length,
    dynamic: [...dynamic].sort(),
    compiled: [...classesOf(css)].sort(),
  };
}
