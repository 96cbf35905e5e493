// The panel's layout and lists; the palette it uses is on .slm-devtools (devtoolsStyles.ts).
export const PANEL_CSS = `
.slm-devtools__panel{position:fixed;left:0;right:0;bottom:0;z-index:2147483000;display:flex;flex-direction:column;background:var(--d-bg);color:var(--d-fg);border-top:1px solid var(--d-border);box-shadow:0 -4px 16px rgb(0 0 0 / .15)}
.slm-devtools__resize{height:8px;cursor:ns-resize;background:var(--d-bg2);border-bottom:1px solid var(--d-border);flex:none}
.slm-devtools__bar{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px;padding:6px 12px;border-bottom:1px solid var(--d-border);background:var(--d-bg2)}
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
`;
