/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // `import("./x.js")` (the NodeNext-style specifier `npm run bench` compiles with) is x.ts, as in webpack.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { jsx: "react-jsx", module: "commonjs", moduleResolution: "node", esModuleInterop: true, isolatedModules: true } }],
  },
  collectCoverageFrom: ["src/core/**/*.ts", "!src/core/communes.data.ts", "src/report/**/*.ts", "src/workbook/**/*.ts", "src/cli/**/*.ts"],
  coverageReporters: ["text-summary", "text"],
  coverageThreshold: {
    "./src/core/": { lines: 95 },
  },
  testTimeout: 120000,
};
