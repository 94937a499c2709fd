/** Bundles the office.js stand-in (the strict Excel fake behind `Excel.run`) for the browser tests. */

import * as fs from "fs";
import * as path from "path";
import webpack from "webpack";

/**
 * Builds `office-shim.js` into `outDir` (one folder per test file: jest runs files in parallel).
 *
 * @param outDir - where to write the bundle
 * @param shimDir - the folder of office-shim.ts (this one; the benchmark runs a compiled copy elsewhere)
 * @returns the bundle's text
 */
export function buildShim(outDir: string, shimDir: string = __dirname): Promise<string> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry: path.join(shimDir, "office-shim.ts"),
    output: { path: outDir, filename: "office-shim.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve(fs.readFileSync(path.join(outDir, "office-shim.js"), "utf8"));
    }),
  );
}
