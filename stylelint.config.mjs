// Stylelint, run by `make lint` on frontend/scss/ and the apps' CSS files: the standard SCSS rule set
// (stylelint-config-standard-scss), with two rules set to what our sources follow rather than switched off.
export default {
  extends: ["stylelint-config-standard-scss"],
  ignoreFiles: ["inklusive_quartiere/built/**", "node_modules/**", "var/**", "build/**"],
  rules: {
    // KERN UX names its classes BEM-style (`kern-form-input__input`, `kern-btn--primary`) and so do we
    // (`iq-easy__body`): kebab-case blocks with `__element` and `--modifier`, not plain kebab-case.
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: (selector) => `Expected class selector "${selector}" to be BEM in kebab-case (block__element--modifier)` },
    ],
    // `(min-width: 64rem)` as KERN UX writes its own breakpoints; the range form `(width >= 64rem)` is newer
    // (Safari 16.4) and would mix two notations in one stylesheet.
    "media-feature-range-notation": "prefix",
  },
};
