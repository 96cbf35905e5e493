import Module from "node:module";
import { expect } from "vitest";
import { version } from "react";

// CommonJS deps (@testing-library/react) require React through Node, not through the Vite alias: send those
// requires to this folder's React 18 too, so the whole test tree shares one React.
const react18 = process.env.REACT18_MODULES as string; // set by the config (import.meta.url is not a file URL under jsdom)
const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
const resolve = resolver._resolveFilename;
resolver._resolveFilename = function (request, ...rest) {
  const redirected = /^(react|react-dom)(\/.*)?$/.test(request) ? react18 + request : request;
  return resolve.call(this, redirected, ...rest);
};

// The run proves nothing if either path silently fell back to the root's React 19.
expect(version).toMatch(/^18\./);
const fromTestingLibrary = Module.createRequire(Module.createRequire(react18).resolve("@testing-library/react"));
expect((fromTestingLibrary("react-dom/package.json") as { version: string }).version).toMatch(/^18\./);
