// Shipped with the devtools so they work without the package stylesheet. Light and dark from one palette,
// chosen like styles.css chooses: the page's inherited color-scheme, data-theme on an ancestor, or the prop.
// The shell's part (palette, toggle) loads with the recorder; the panel's part comes with the lazy panel.
export const SHELL_CSS = `
.slm-devtools{--d-fg:light-dark(#1f2328,#e6edf3);--d-muted:light-dark(#57606a,#9198a1);--d-bg:light-dark(#ffffff,#0d1117);--d-bg2:light-dark(#f6f8fa,#161b22);--d-border:light-dark(#d0d7de,#30363d);--d-focus:light-dark(#0969da,#4493f8);--d-warn:light-dark(#7d4e00,#e3b341);--d-bad:light-dark(#b3261e,#ff7b72);font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--d-fg)}
[data-theme="light"] .slm-devtools{color-scheme:light}
[data-theme="dark"] .slm-devtools{color-scheme:dark}
.slm-devtools[data-theme="light"]{color-scheme:light}
.slm-devtools[data-theme="dark"]{color-scheme:dark}
.slm-devtools__toggle{position:fixed;right:12px;bottom:12px;z-index:2147483001;padding:6px 10px;border:1px solid var(--d-border);border-radius:6px;background:var(--d-bg2);color:var(--d-fg);font:inherit;cursor:pointer}
.slm-devtools :focus-visible{outline:2px solid var(--d-focus);outline-offset:1px}
.slm-devtools__loading{position:fixed;bottom:48px;right:12px;margin:0}
`;
