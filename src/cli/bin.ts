// Webpack entry of dist/cli/ctg-planner.js: runs the command line, nothing else.
import { main } from "./main";

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`ctg-planner: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
