// ESLint flat config: typescript-eslint strict rules, the Office add-in rules as errors, a purity
// fence around src/core, src/report and src/app, and the layers of src/ (LAYERS: which folder may
// import which, and only through its index).
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

const impure = [
  { group: ["react", "react-dom", "react/*", "@fluentui/*"], message: "src/core, src/report and src/app are pure: no React." },
  { group: ["exceljs", "fflate", "@xmldom/*"], message: "src/core, src/report and src/app are pure: no file formats." },
  { group: ["@microsoft/office-js", "office-addin-*"], message: "Office.js lives in src/workbook/office only." },
  { group: ["fs", "node:*", "path", "child_process", "os"], message: "src/core, src/report and src/app do no IO." },
];

/**
 * The layers of src/, in the order data flows: a folder imports only folders of a lower rank, and
 * only through their index.ts (inside a folder, relative imports are free). src/errors.ts imports
 * nothing and is importable by all. README.md ("Layout") draws the same map.
 */
const LAYERS = [
  { name: "core", dir: "src/core", rank: 0 },
  { name: "i18n", dir: "src/i18n", rank: 1 },
  { name: "report", dir: "src/report", rank: 2 },
  { name: "app", dir: "src/app", rank: 3 },
  { name: "xlsx", dir: "src/workbook/xlsx", rank: 4 },
  { name: "office", dir: "src/workbook/office", rank: 4 },
  { name: "taskpane", dir: "src/taskpane", rank: 5 },
  { name: "cli", dir: "src/cli", rank: 5 },
];
const FLOW = "core → i18n → report → app → workbook adapters (xlsx, office) → {taskpane, cli}";

/** An import of another folder, written relative (`../core`, `../../workbook/xlsx/read`): its folder part. */
const folderImport = (names) => `^(\\.\\./)+(workbook/)?(${names.join("|")})`;

/** The import rules of a folder: no import against the flow, no deep import into another folder. */
function layerImports(layer) {
  const others = LAYERS.filter((l) => l !== layer);
  const upstream = others.filter((l) => l.rank >= layer.rank).map((l) => l.name);
  const patterns = [
    {
      regex: `${folderImport(others.map((l) => l.name))}/(?!index$).+$`,
      message: "Import another folder through its index (`../core`, not `../core/cell`): the rest is internal.",
    },
  ];
  if (upstream.length > 0) {
    patterns.push({
      regex: `${folderImport(upstream)}(/.*)?$`,
      message: `Data flows one way: ${FLOW}. ${layer.name} may not import ${upstream.join(", ")}.`,
    });
  }
  return layer.rank <= 3 ? [...impure, ...patterns] : patterns;
}

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
  ...LAYERS.map((layer) => ({
    files: [`${layer.dir}/**/*.ts`, `${layer.dir}/**/*.tsx`],
    rules: { "no-restricted-imports": ["error", { patterns: layerImports(layer) }] },
  })),
  {
    files: ["src/taskpane/**/*.ts", "src/taskpane/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: hooksRules,
  },
  {
    files: ["src/errors.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: ".", message: "src/errors.ts imports nothing." }] }],
    },
  },
  {
    files: ["src/core/**/*.ts", "src/report/**/*.ts", "src/app/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "process"],
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
