// Builds the site's CSS from KERN UX's SCSS sources (only the components we use) and copies the
// self-hosted fonts and scripts. Output goes to inklusive_quartiere/built/static/ (STATICFILES_DIRS): inside the
// Python package, so that it travels in the wheel (`pip wheel .`, `pip install .`); never committed.
import { compile } from "sass";
import { purge } from "./purge.mjs";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "inklusive_quartiere", "built", "static");
const kern = join(root, "node_modules", "@kern-ux", "native");

mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "fonts"), { recursive: true });

const result = compile(join(root, "frontend", "scss", "main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions"],
});
// Only the rules the templates can use (frontend/purge.mjs: how it scans, and how to safelist a class).
const purged = await purge(result.css, root);
writeFileSync(join(out, "css", "main.css"), purged.css);
// What the purge did (read by core/tests/test_front_end_weight.py): outside static/, so never served or collected, and
// a dot file, which the wheel need not carry (testing/test_production.py).
writeFileSync(
  join(root, "inklusive_quartiere", "built", ".purge-report.json"),
  JSON.stringify(
    {
      files_scanned: purged.files,
      compiled_classes: purged.compiled,
      kept_by_dynamic_prefix: purged.dynamic,
      rejected_selectors: purged.rejected,
    },
    null,
    1,
  ),
);

const print = compile(join(root, "frontend", "scss", "print.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
});
writeFileSync(join(out, "css", "print.css"), print.css);

// Only the weights the design uses (regular, italic, semibold, bold). `make frontend` then replaces them by subsets
// (inklusive_quartiere/core/fonts.py: ~15 KB instead of ~135 KB each); the full faces are copied only when there is
// no font yet, so that `npm run build` alone gives a working site and does not undo the subsetting.
for (const face of ["Regular", "Italic", "SemiBold", "Bold"]) {
  const target = join(out, "fonts", `FiraSans-${face}.woff2`);
  if (!existsSync(target)) copyFileSync(join(kern, "dist", "fonts", "fira-sans", `FiraSans-${face}.woff2`), target);
}
// Our own scripts (progressive enhancement only) and Leaflet, loaded by the map only after consent.
mkdirSync(join(out, "js"), { recursive: true });
// Source-map comments are removed: the maps are not shipped (Leaflet's points to sources npm does not contain), and
// `collectstatic` with the hashed-name storage of production refuses a file whose map it cannot find.
const withoutSourceMap = (text) => text.replace(/^[ \t]*(\/\/|\/\*)[#@] sourceMappingURL=.*$/gm, "");
function copyScript(source, target) {
  writeFileSync(target, withoutSourceMap(readFileSync(source, "utf8")));
}
for (const name of readdirSync(join(root, "frontend", "js"))) {
  copyScript(join(root, "frontend", "js", name), join(out, "js", name));
}
const leaflet = join(root, "node_modules", "leaflet", "dist");
mkdirSync(join(out, "vendor", "leaflet"), { recursive: true });
for (const name of ["leaflet.js", "leaflet.css"]) {
  copyScript(join(leaflet, name), join(out, "vendor", "leaflet", name));
}
cpSync(join(leaflet, "images"), join(out, "vendor", "leaflet", "images"), { recursive: true });
console.log(
  `built ${join(out, "css", "main.css")} (${purged.css.length} bytes; ${result.css.length} before the purge, ` +
    `${purged.rejected.length} selectors removed)`,
);
