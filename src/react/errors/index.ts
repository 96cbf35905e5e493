"use client";
export { useErrorState } from "./useErrorState";
export { LLMErrorBoundary } from "./LLMErrorBoundary";
export { useCredits, creditsQueryKey } from "./useCredits";
export { ERROR_COPY } from "../../core/ui/errorCopy";
export type { ErrorCopy } from "../../core/ui/errorCopy";
export type { LLMErrorBoundaryProps, LLMErrorFallbacks, LLMFallbackProps, LLMResetDetails } from "./LLMErrorBoundaryTypes";
export type { UseCreditsResult, UseCreditsOptions } from "./useCredits";
