// Two builds driven by `--mode`:
//   1. taskpane: the Excel task pane (web) → dist/taskpane.html + dist/taskpane.[contenthash].js
//   2. cli:      the Node command (node20)  → dist/cli/ctg-planner.js (executable, shebang)
// `webpack serve` only builds the task pane (the CLI has nothing to serve).
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const pkg = require("./package.json");

const root = __dirname;
const dist = path.resolve(root, "dist");
const devServerPort = Number(
  process.env.npm_package_config_dev_server_port || pkg.config?.dev_server_port || 3000,
);

/** ts-loader: transpile only (typecheck is `npm run typecheck`); tsconfig says noEmit, webpack needs output. */
const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: { transpileOnly: true, compilerOptions: { noEmit: false } },
  },
};

/**
 * src/i18n is pure (no module there runs anything on import): a chunk that imports its index takes only
 * the tables it uses. Without this, the pane's first chunk would carry the report's words too.
 */
const i18nRule = { test: /[\\/]src[\\/]i18n[\\/]/, sideEffects: false };

const resolve = {
  extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
  // Allow `import "./x.js"` to resolve to x.ts (NodeNext-style specifiers).
  extensionAlias: { ".js": [".ts", ".tsx", ".js"], ".mjs": [".mts", ".mjs"] },
};

/** https through office-addin-dev-certs when the certificates can be installed; plain http otherwise. */
async function devServerOptions() {
  let server = "http";
  if (process.env.CTG_DEV_HTTP === "1") {
    console.warn("[ctg-planner] CTG_DEV_HTTP=1: dev server runs over plain http.");
  } else {
    try {
      const devCerts = require("office-addin-dev-certs");
      const options = await devCerts.getHttpsServerOptions();
      server = { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
    } catch (error) {
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      console.warn(
        `[ctg-planner] WARNING: no trusted localhost certificate (${reason}). ` +
          `The dev server runs over plain http on port ${devServerPort}; Office will not load the add-in from http.`,
      );
    }
  }
  return {
    port: devServerPort,
    server,
    static: false,
    hot: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    client: { overlay: { warnings: false, errors: true } },
  };
}

/** Marks the CLI bundle executable once it is on disk (no-op for in-memory builds). */
class ChmodPlugin {
  constructor(fileName, mode) {
    this.fileName = fileName;
    this.mode = mode;
  }
  apply(compiler) {
    compiler.hooks.afterEmit.tap("ChmodPlugin", () => {
      const file = path.join(compiler.outputPath, this.fileName);
      if (fs.existsSync(file)) fs.chmodSync(file, this.mode);
    });
  }
}

/**
 * Adds `<link rel="preload" as="script">` to taskpane.html for the chunks of the named chunk groups
 * (the async chunks every start needs, in both modes), so that they download with the initial scripts
 * instead of after them, when the entry runs and asks for them.
 */
class PreloadChunksPlugin {
  constructor(groups) {
    this.groups = groups;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("PreloadChunksPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("PreloadChunksPlugin", (data) => {
        const files = new Set();
        for (const name of this.groups) {
          const group = compilation.namedChunkGroups.get(name);
          if (group === undefined) throw new Error(`PreloadChunksPlugin: no chunk group "${name}"`);
          for (const chunk of group.chunks) {
            for (const file of chunk.files) if (file.endsWith(".js")) files.add(file);
          }
        }
        const base = data.publicPath === "auto" ? "" : data.publicPath;
        for (const file of files) {
          data.headTags.push({
            tagName: "link",
            voidTag: true,
            meta: { plugin: "PreloadChunksPlugin" },
            attributes: { rel: "preload", as: "script", href: `${base}${file}` },
          });
        }
        return data;
      });
    });
  }
}

/**
 * The task pane runs on Preact (preact/compat) in place of React, in every build of it (production,
 * development, the dev server, so every browser test): the same components and Fluent UI v9, about
 * 56 KiB gzip less before the figures show (issue 13, docs/benchmarks.md row 12). `$` keys match the
 * bare name only. The CLI and the jest tests never load React.
 */
const preactAlias = {
  react$: "preact/compat",
  "react-dom$": "preact/compat",
  "react-dom/client$": "preact/compat/client",
  "react-dom/test-utils$": "preact/test-utils",
  "react/jsx-runtime$": "preact/jsx-runtime",
  "react/jsx-dev-runtime$": "preact/jsx-dev-runtime",
  // Fluent's context selector asks React's scheduler for a priority; compat answers it.
  scheduler$: "preact/compat/scheduler",
};

function taskpaneConfig(production, devServer) {
  return {
    name: "taskpane",
    target: ["web", "es2020"],
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "cheap-module-source-map", // no eval: the pane's CSP forbids it
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: dist,
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: { keep: /^cli[\\/]/ }, // the cli build owns dist/cli
    },
    resolve: { ...resolve, alias: preactAlias },
    module: { rules: [tsRule, i18nRule] },
    optimization: {
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          // The libraries of the initial scripts (what paints first).
          vendors: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendors",
            chunks: "initial",
            priority: -10,
            reuseExistingChunk: true,
          },
          // The words the issue sentences of each language are made of, which the pane's view uses too:
          // a chunk of their own, so that neither language's sentences carry a copy (issue-sentences.ts).
          labels: {
            test: /[\\/]src[\\/]i18n[\\/]labels\.ts$/,
            name: "labels",
            chunks: "async",
            enforce: true,
          },
          // Code two lazy chunks share (the report: the engine's and the hosts') is downloaded once.
          shared: {
            chunks: "async",
            minChunks: 2,
            minSize: 10_000,
            priority: -20,
            reuseExistingChunk: true,
          },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: "./src/taskpane/taskpane.html",
        filename: "taskpane.html",
        chunks: ["taskpane"],
        inject: "head", // after office.js, which the template puts first in <head>
        scriptLoading: "defer",
      }),
      // Both modes need the pane's chunk and the engine's before the figures show.
      new PreloadChunksPlugin(["pane", "engine"]),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets", noErrorOnMissing: true },
          { from: "manifest.xml", to: "manifest.xml", noErrorOnMissing: true },
        ],
      }),
    ],
    performance: { hints: false },
    ...(devServer ? { devServer } : {}),
  };
}

function cliConfig(production) {
  return {
    name: "cli",
    target: "node20",
    mode: production ? "production" : "development",
    devtool: "source-map",
    entry: { "ctg-planner": "./src/cli/bin.ts" },
    output: {
      path: path.join(dist, "cli"),
      filename: "[name].js",
      library: { type: "commonjs2" },
      clean: true,
    },
    resolve,
    module: { rules: [tsRule] },
    externalsPresets: { node: true }, // node built-ins stay require()s; everything else is bundled
    node: { __dirname: false, __filename: false },
    optimization: {
      minimize: false,
      mangleExports: false,
      moduleIds: "named",
      splitChunks: false,
      runtimeChunk: false,
    },
    plugins: [
      new webpack.BannerPlugin({ banner: "#!/usr/bin/env node", raw: true, entryOnly: true, test: /\.js$/ }),
      new ChmodPlugin("ctg-planner.js", 0o755),
    ],
    performance: { hints: false },
    stats: { modules: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode || process.env.NODE_ENV) === "production";
  if (env.WEBPACK_SERVE) {
    return [taskpaneConfig(production, await devServerOptions())];
  }
  return [taskpaneConfig(production), cliConfig(production)];
};
