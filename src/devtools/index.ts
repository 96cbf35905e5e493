"use client";
export { SaaSLLMDevtools } from "./SaaSLLMDevtools";
export { createInspectorStore } from "./createInspectorStore";
export { toRedactedJson } from "./toRedactedJson";
export type { SaaSLLMDevtoolsProps } from "./SaaSLLMDevtools";
export type { InspectorState, InspectorStore } from "./createInspectorStore";
export type { InspectorData, InspectedJob, InspectedRequest, InspectedStream, InspectedAttempt, InspectedClose, StreamPhase } from "./inspectorTypes";
