export type { ChatStreamStatus } from "../core/chat/chatTypes";
