// ESLint flat config: typescript-eslint strict rules, the Office add-in rules as errors,
// and a purity fence around src/core and src/report.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

const officeRules = Object.fromEntries(
  Object.keys(officeAddins.rules).map((name) => [`office-addins/${name}`, "error"]),
);

// The React hooks rules (and the React Compiler's) on the pane, every one an error: a warning that
// nobody reads is how an effect ends up leaving its dependencies out.
const hooksRules = Object.fromEntries(
  Object.keys(reactHooks.configs.flat["recommended-latest"].rules).map((name) => [name, "error"]),
);

const impure = {
  patterns: [
    { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core and src/report are pure: no React." },
    { group: ["exceljs", "fflate", "@xmldom/*"], message: "src/core and src/report are pure: no file formats." },
    { group: ["@microsoft/office-js", "office-addin-*"], message: "Office.js lives in src/workbook/office only." },
    { group: ["fs", "node:*", "path", "child_process", "os"], message: "src/core and src/report do no IO." },
    { group: ["**/workbook/**", "**/taskpane/**", "**/cli/**"], message: "Data flows one way: core → report → adapters." },
  ],
};

export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", "node_modules/**", "src/core/communes.data.ts", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.tsx"],
    plugins: { "office-addins": officeAddins },
    rules: {
      ...officeRules,
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: hooksRules,
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [...impure.patterns, { group: ["**/report/**"], message: "core does not know the report." }] }],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "process"],
    },
  },
  {
    files: ["src/report/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", impure],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "process"],
    },
  },
  {
    // The adapters know the report through its public index only (src/report/index.ts).
    files: ["src/workbook/**/*.ts", "src/taskpane/**/*.ts", "src/taskpane/**/*.tsx", "src/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/report/*", "!**/report/index"],
              message: "Import the report through its index (src/report/index.ts): schema, builders and labels are internal.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/workbook/office/**"],
    rules: {
      "no-restricted-globals": ["error", "Excel"],
    },
  },
);
