/**
 * `npx tsx bench/sizeInputs.ts [streaming|streaming-full|llmcall|llmcall-full|core]`: the minified bytes each
 * source module adds to one app path, its rough share of the brotli total (min bytes × brotli/min of the
 * whole bundle: repetitive code compresses better, so it is an estimate), and which modules of the bundle
 * import it (the chain that pulls it in). Same esbuild settings as bench/size.ts; bench/SIZE.md is its output.
 */
import { brotliCompressSync, constants } from "node:zlib";
import { bundleForSize } from "./sizeBundle";

const PATHS: Record<string, string> = {
  streaming: "composeSaaSLLMClient, streamMethods, SaaSLLMProvider, useChatStream",
  "streaming-full": "createSaaSLLMClient, SaaSLLMProvider, useChatStream",
  llmcall: "composeSaaSLLMClient, SaaSLLMProvider, useLLMCall",
  "llmcall-full": "createSaaSLLMClient, SaaSLLMProvider, useLLMCall",
};

const which = process.argv[2] ?? "streaming";
const contents = which === "core" ? 'export * from "./src/core.ts";' : `export { ${PATHS[which] ?? which} } from "./src/index.ts";`;
const { code, metafile } = await bundleForSize(contents);
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const output = Object.values(metafile.outputs)[0];
if (!output) throw new Error("no output");
const kept = Object.entries(output.inputs).filter(([, v]) => v.bytesInOutput > 0).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
const inBundle = new Set(kept.map(([path]) => path));
const short = (path: string) => path.replace(/^src\//, "").replace(/^node_modules\//, "");
const importers = (path: string) =>
  Object.entries(metafile.inputs)
    .filter(([from, input]) => (inBundle.has(from) || from === "<stdin>") && input.imports.some((i) => i.path === path))
    .map(([from]) => (from === "<stdin>" ? "entry" : short(from)));
const ratio = brotli / code.length;
console.log(`${which}: \`${contents}\`: ${code.length} B min, ${brotli} B min+brotli (${(ratio * 100).toFixed(0)} %)\n`);
console.log("| module | min B | ≈ brotli B | imported by (in this bundle) |\n|---|--:|--:|---|");
for (const [path, { bytesInOutput }] of kept) console.log(`| ${short(path)} | ${bytesInOutput} | ${Math.round(bytesInOutput * ratio)} | ${importers(path).join(", ") || "entry (index.ts)"} |`);
