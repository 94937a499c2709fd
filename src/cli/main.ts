import pkg from "../../package.json";

export const USAGE = "ctg-planner: usage: ctg-planner summarize <input.xlsx> … | demo [-o demo.xlsx]";

/** Placeholder command line: returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  switch (command) {
    case "--version":
    case "-V":
      console.log(pkg.version);
      return 0;
    case "--help":
    case "-h":
      console.log(USAGE);
      return 0;
    case "summarize":
    case "demo":
      console.error(`ctg-planner: ${command}: not implemented yet`);
      return 1;
    default:
      console.error(USAGE);
      return 2;
  }
}
