import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// Every relative link in README.md and docs/*.md must lead somewhere: a file or folder of the repo, and for
// `#anchor` a heading of that page (GitHub's anchors: lower case, punctuation dropped, spaces as hyphens).
const root = resolve(import.meta.dirname, "../..");
const pages = ["README.md", ...readdirSync(join(root, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** The page without its fenced code blocks and inline code, where `[a](b)` is code, not a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "code");
}

/** Link targets of a page: `[text](target)` and `![alt](target)`, titles dropped. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] ?? "");
}

/** GitHub's anchor for a heading's text. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

/** The anchors of a page's headings, with GitHub's `-1`, `-2` suffixes for repeated headings. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading = ""] of markdown.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    anchors.add(count ? `${base}-${count}` : base);
    seen.set(base, count + 1);
  }
  return anchors;
}

/** Why `target`, linked from `page`, does not resolve; null when it does. */
function brokenReason(page: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: ...
  const [path = "", anchor] = target.split("#");
  const file = path ? resolve(dirname(join(root, page)), decodeURIComponent(path)) : join(root, page);
  if (!existsSync(file)) return `no file ${relative(root, file)}`;
  if (anchor === undefined) return null;
  if (statSync(file).isDirectory() || !file.endsWith(".md")) return `#${anchor} on a file that is not a Markdown page`;
  return anchorsOf(readFileSync(file, "utf8")).has(anchor) ? null : `no heading #${anchor} in ${relative(root, file)}`;
}

describe("relative links in README.md and docs/", () => {
  it("the checker reads links and anchors the way GitHub does", () => {
    expect(linkTargets('See [a](docs/a.md#x), ![img](p.png "t") and `[not](a link)`.\n```\n[no](code.md)\n```')).toEqual(["docs/a.md#x", "p.png"]);
    expect([...anchorsOf("# The client (`createSaaSLLMClient`)\n## `useLLMCall(options)`\n## Quick start\n## Quick start")]).toEqual([
      "the-client-createsaasllmclient",
      "usellmcalloptions",
      "quick-start",
      "quick-start-1",
    ]);
    expect(brokenReason("README.md", "docs/nowhere.md")).toBe("no file docs/nowhere.md");
    expect(brokenReason("README.md", "#no-such-heading")).toBe("no heading #no-such-heading in README.md");
  });

  it.each(pages)("%s: every relative link resolves", (page) => {
    const broken = linkTargets(readFileSync(join(root, page), "utf8"))
      .map((target) => ({ target, reason: brokenReason(page, target) }))
      .filter((link) => link.reason !== null);
    expect(broken).toEqual([]);
  });
});
