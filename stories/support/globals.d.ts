/** Set by `define` in .storybook/main.ts: true when SAAS_LLM_URL and SAAS_LLM_KEY were set. */
declare const __SAAS_LLM_REAL__: boolean;
/** SAAS_LLM_TEAM: the real server's team id (not a secret). */
declare const __SAAS_LLM_TEAM__: string;
