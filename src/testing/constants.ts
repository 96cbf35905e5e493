/** Default identities of the simulator, shared by demos, stories and tests. */
import type { SimProvider } from "./types";

/** The team every default simulator has. */
export const DEMO_TEAM_ID = "team-demo";
/** The virtual key of {@link DEMO_TEAM_ID}. */
export const DEMO_VIRTUAL_KEY = "sk-sim-demo-0123456789abcdef";

/** Default aliases: one per provider stream shape. */
export const DEFAULT_MODELS: Record<string, { provider: SimProvider }> = {
  "chat-fast": { provider: "openai" },
  "chat-claude": { provider: "anthropic" },
  "chat-gemini": { provider: "gemini" },
};

/** The provider's real model behind an alias (it appears in OpenAI/Anthropic chunks, never in E3). */
export const ACTUAL_MODELS: Record<SimProvider, string> = {
  openai: "gpt-4o-mini-2024-07-18",
  anthropic: "claude-3-5-haiku-20241022",
  gemini: "gemini-1.5-flash",
};

/** Upstream defaults of a credit account (E13). */
export const CREDITS_PER_DOLLAR = 10;
export const TOKENS_PER_CREDIT = 10_000;
export const COST_MARKUP_PERCENTAGE = 0;

/** E4's error at the upstream commit (§6.5). */
export const CONTEXT_MANAGER_ERROR = "'Response' object does not support the asynchronous context manager protocol";

/** Keys of the simulated provider accounts: they appear in provider error texts, as real ones do. */
export const SIM_PROVIDER_KEYS: Record<SimProvider, string> = {
  openai: "sk-proj-SIMPROVIDERopenai0000key",
  anthropic: "sk-ant-api03-SIMPROVIDERanthropic0000key",
  gemini: "AIzaSySIMPROVIDERgemini000000000000000",
};
