/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
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
