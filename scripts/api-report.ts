/**
 * The public API report: api-extractor reads the built `.d.ts` of every entry in package.json's `exports` and
 * writes its public types to `api/<entry>.api.md`. After `npm run build`:
 * - `npm run api:check` (CI) fails when a report differs from the checked-in one, so a change to the public
 *   API is always a deliberate diff;
 * - `npm run api:update` rewrites the reports; commit them with the change.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { Extractor, ExtractorConfig, ExtractorLogLevel, type IConfigFile } from "@microsoft/api-extractor";

const root = resolve(import.meta.dirname, "..");
const update = process.argv.includes("--update");

/** `dist/<name>.d.ts` of each entry of the `exports` map that has types. */
function entryTypes(): string[] {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as { exports: Record<string, string | { types?: string }> };
  return Object.values(pkg.exports).flatMap((target) => (typeof target === "object" && target.types ? [resolve(root, target.types)] : []));
}

function configFor(dts: string): IConfigFile {
  const name = basename(dts, ".d.ts");
  return {
    projectFolder: root,
    mainEntryPointFilePath: dts,
    compiler: {
      overrideTsconfig: {
        compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2023", "DOM", "DOM.Iterable"], jsx: "react-jsx", strict: true, skipLibCheck: true, types: ["node"] },
        files: [dts],
      },
    },
    apiReport: { enabled: true, reportFileName: name, reportFolder: `${root}/api/`, reportTempFolder: `${root}/test-results/api/` },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      // Findings go into the report itself (so they are reviewed with it), never to the console.
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      extractorMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: true }, "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: false } },
    },
  };
}

mkdirSync(`${root}/api`, { recursive: true });
mkdirSync(`${root}/test-results/api`, { recursive: true });
const changed: string[] = [];
let errors = 0;
for (const dts of entryTypes()) {
  if (!existsSync(dts)) throw new Error(`${dts} is missing: run npm run build first`);
  const config = ExtractorConfig.prepare({ configObject: configFor(dts), configObjectFullPath: undefined, packageJsonFullPath: `${root}/package.json` });
  const result = Extractor.invoke(config, { localBuild: update, showVerboseMessages: false });
  errors += result.errorCount;
  if (result.apiReportChanged) changed.push(`api/${basename(dts, ".d.ts")}.api.md`);
}

if (errors) console.error(`api-extractor: ${errors} error(s)`);
if (update) console.log(changed.length ? `Rewrote ${changed.join(", ")}` : "API reports unchanged");
else if (changed.length) console.error(`The public API changed: ${changed.join(", ")} differ (new versions in test-results/api/).\nIf the change is meant, run npm run api:update, commit the reports and add a changeset (npx changeset).`);
else console.log("API reports match the build");
process.exitCode = errors || (!update && changed.length) ? 1 : 0;
