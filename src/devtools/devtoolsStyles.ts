// Shipped with the devtools so the panel works without the package stylesheet. Light and dark from one palette.
export const DEVTOOLS_CSS = `
.slm-devtools{color-scheme:light dark;--d-fg:light-dark(#1f2328,#e6edf3);--d-muted:light-dark(#57606a,#9198a1);--d-bg:light-dark(#ffffff,#0d1117);--d-bg2:light-dark(#f6f8fa,#161b22);--d-border:light-dark(#d0d7de,#30363d);--d-focus:light-dark(#0969da,#4493f8);--d-warn:light-dark(#7d4e00,#e3b341);--d-bad:light-dark(#b3261e,#ff7b72);font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:var(--d-fg)}
.slm-devtools[data-theme="light"]{color-scheme:light}
.slm-devtools[data-theme="dark"]{color-scheme:dark}
.slm-devtools__toggle{position:fixed;right:12px;bottom:12px;z-index:2147483001;padding:6px 10px;border:1px solid var(--d-border);border-radius:6px;background:var(--d-bg2);color:var(--d-fg);font:inherit;cursor:pointer}
.slm-devtools__panel{position:fixed;left:0;right:0;bottom:0;z-index:2147483000;display:flex;flex-direction:column;background:var(--d-bg);color:var(--d-fg);border-top:1px solid var(--d-border);box-shadow:0 -4px 16px rgb(0 0 0 / .15)}
.slm-devtools__resize{height:8px;cursor:ns-resize;background:var(--d-bg2);border-bottom:1px solid var(--d-border);flex:none}
.slm-devtools :focus-visible{outline:2px solid var(--d-focus);outline-offset:1px}
.slm-devtools__bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:6px 12px;padding-right:220px;border-bottom:1px solid var(--d-border);background:var(--d-bg2)}
.slm-devtools__title{margin:0;font-size:13px;font-weight:700}
.slm-devtools__team{margin:0;color:var(--d-muted)}
.slm-devtools__team:not([data-status="ok"]){color:var(--d-bad);font-weight:700}
.slm-devtools__filter{display:flex;gap:4px;align-items:center}
.slm-devtools select,.slm-devtools__button{font:inherit;color:var(--d-fg);background:var(--d-bg);border:1px solid var(--d-border);border-radius:4px;padding:2px 6px}
.slm-devtools__button{cursor:pointer}
.slm-devtools__body{overflow:auto;padding:4px 12px 12px;flex:1}
.slm-devtools__heading{margin:8px 0 4px;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--d-muted)}
.slm-devtools__list{list-style:none;margin:0;padding:0}
.slm-devtools__entry{display:grid;gap:2px;padding:6px 0;border-bottom:1px solid var(--d-border)}
.slm-devtools__entry[data-outcome="error"] > .slm-devtools__text,.slm-devtools__attempts [data-failed]{color:var(--d-bad)}
.slm-devtools__warning{color:var(--d-warn);font-weight:700}
.slm-devtools__path{color:var(--d-muted);word-break:break-all}
.slm-devtools__attempts{margin:0;padding-left:20px}
.slm-devtools__copy{display:flex;gap:8px;align-items:center}
.slm-devtools__copied{color:var(--d-muted)}
.slm-devtools__empty{margin:0;color:var(--d-muted)}
.slm-devtools__loading{position:fixed;bottom:48px;right:12px;margin:0}
`;
