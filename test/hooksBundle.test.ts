import { describe, expect, it } from "vitest";
import { bundleApp } from "./appBundle";

/** The source files a tree-shaken production bundle of `app` keeps (bytes in the output > 0). */
async function kept(app: string): Promise<string[]> {
  const result = await bundleApp(app, { metafile: true });
  const output = Object.values(result.metafile!.outputs)[0]!;
  return Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
}

const app = (names: string) => `export { ${names} } from "./src/index.ts";`;
const UI = /src\/react\/(errors|components)\/|src\/testing\/|src\/devtools\//;

describe("a hooks-only app carries only what it calls", () => {
  it("useLLMCall on a composed client: no error UI, simulator, account endpoints, streams or chat engine", async () => {
    const files = await kept(app("composeSaaSLLMClient, SaaSLLMProvider, useLLMCall"));
    expect(files).toContain("src/core/jobMethods.ts");
    expect(files.filter((f) => UI.test(f) || /accountMethods|streamChat|readChatStream|eventsource-parser|src\/core\/chat\/createChatEngine|streamRegistry/.test(f))).toEqual([]);
  });

  it("useChatStream on a composed client with streamMethods: the stream reader, but no error UI, simulator or account endpoints", async () => {
    const files = await kept(app("composeSaaSLLMClient, streamMethods, SaaSLLMProvider, useChatStream"));
    expect(files).toContain("src/core/readChatStream.ts");
    expect(files.filter((f) => UI.test(f) || /accountMethods/.test(f))).toEqual([]);
  });

  it("the full client keeps every endpoint (the checks above can fail)", async () => {
    const files = await kept(app("createSaaSLLMClient, SaaSLLMProvider, useLLMCall"));
    expect(files).toEqual(expect.arrayContaining(["src/core/accountMethods.ts", "src/core/streamChat.ts"]));
  });
});
