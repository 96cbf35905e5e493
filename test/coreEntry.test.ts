import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as core from "../src/core";
import * as root from "../src/index";

const src = resolve(dirname(fileURLToPath(import.meta.url)), "../src");

/** Every module `entry` reaches through relative imports, and every package it imports. */
function graph(entry: string) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(/(?:import|export)[^"']*?from\s+["']([^"']+)["']/g)) {
      if (!spec!.startsWith(".")) packages.add(spec!);
      else visit(resolveTs(resolve(dirname(file), spec!)));
    }
  };
  visit(entry);
  return { files, packages };
}
const resolveTs = (base: string) => [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((f) => { try { return readFileSync(f), true; } catch { return false; } })!;

describe("the ./core entry", () => {
  it("reaches no React module and carries no \"use client\"", () => {
    const { files, packages } = graph(resolve(src, "core.ts"));
    expect([...packages].filter((p) => /^(react|react-dom|@tanstack\/react-query|zustand$)/.test(p))).toEqual([]);
    expect([...files].filter((f) => f.endsWith(".tsx") || /^\s*["']use client["']/.test(readFileSync(f, "utf8")))).toEqual([]);
  });

  it("has the client and the error mapping, and the root re-exports all of it", () => {
    expect(Object.keys(core).sort()).toEqual(["SaaSLLMError", "accountMethods", "classifyResponse", "composeSaaSLLMClient", "createAttempts", "createCircuitBreaker", "createClientMetrics", "createSaaSLLMClient", "decideRetry", "errorStateOf", "indexedDBStorage", "isSaaSLLMError", "lookupMethods", "persistChat", "readChatStream", "requestMethods", "retryDelay", "shouldRetry", "streamMethods", "toErrorState", "verdictOf"]);
    for (const name of Object.keys(core)) expect(root).toHaveProperty(name);
  });

  it("the root exports what a user needs and no internal builders, constants or factories", () => {
    expect(Object.keys(root).sort()).toMatchInlineSnapshot(`
      [
        "CreditsMeter",
        "ERROR_COPY",
        "ErrorBanner",
        "FieldErrorList",
        "JobCost",
        "LLMErrorBoundary",
        "RetryButton",
        "SaaSLLMError",
        "SaaSLLMProvider",
        "StreamStatus",
        "TeamStatusBanner",
        "accountMethods",
        "classifyResponse",
        "composeSaaSLLMClient",
        "createAttempts",
        "createCircuitBreaker",
        "createClientMetrics",
        "createSaaSLLMClient",
        "creditsQueryKey",
        "decideRetry",
        "errorStateOf",
        "indexedDBStorage",
        "isSaaSLLMError",
        "lookupMethods",
        "persistChat",
        "readChatStream",
        "requestMethods",
        "retryDelay",
        "saasLLMKeys",
        "shouldRetry",
        "streamMethods",
        "toErrorState",
        "useChatStream",
        "useChatStreamState",
        "useCountdown",
        "useCredits",
        "useErrorState",
        "useJob",
        "useLLMCall",
        "useSaaSLLMClient",
        "useTeamStatus",
        "verdictOf",
      ]
    `);
  });
});
