// ESLint (flat config), run by `make lint` as `npx eslint .`. The recommended rules of @eslint/js, plus a few that
// catch mistakes in plain browser scripts. Our scripts are progressive enhancement loaded with a plain <script>
// (no bundler, no modules), so they are linted as classic scripts with the browser's globals.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Built output, vendored libraries and everything that is not ours.
    ignores: ["node_modules/**", "inklusive_quartiere/built/**", "var/**", "build/**", ".venv/**"],
  },
  js.configs.recommended,
  {
    // The site's scripts and the editor's scripts: classic scripts in the browser.
    files: ["frontend/js/**/*.js", "inklusive_quartiere/**/static/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      strict: ["error", "function"],
      eqeqeq: ["error", "always"],
      "no-implicit-globals": "error",
    },
  },
  {
    // Scripts the browser tests evaluate in the page (page.evaluate): an expression in the browser.
    files: ["inklusive_quartiere/testing/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
  },
  {
    // The build script runs in Node as an ES module.
    files: ["frontend/build.mjs", "frontend/purge.mjs", "eslint.config.mjs", "stylelint.config.mjs"],
    languageOptions: {
      ecmaVersion: "latest",
      sourceType: "module",
      globals: { ...globals.node },
    },
  },
];
