/** Entry of the `saas-litellm-simulator` command (and `npm run simulator`). */
import { parseCliOptions, USAGE } from "./cliOptions";
import { runSimulator } from "./runSimulator";

async function main(argv: string[]): Promise<void> {
  let options;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    console.error(`saas-litellm-simulator: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { server } = await runSimulator(options, (line) => console.log(line));
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`saas-litellm-simulator: ${(error as Error).message}`);
  process.exitCode = 1;
});
