import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { Component, type ErrorInfo, type ReactNode } from "react";
import { isSaaSLLMError } from "../../core/SaaSLLMError";
import { ErrorBanner } from "../components/ErrorBanner";
import { NEXT_STEPS } from "../components/errorActions";
import type { LLMErrorBoundaryProps, LLMFallbackProps } from "./LLMErrorBoundaryTypes";
import { toErrorState } from "../../core/ui/toErrorState";

type InnerProps = LLMErrorBoundaryProps & { resetQueries: () => void };
type State = { didCatch: true; error: unknown } | { didCatch: false; error: null };

const initialState: State = { didCatch: false, error: null };

const changed = (a: readonly unknown[] = [], b: readonly unknown[] = []) => a.length !== b.length || a.some((x, i) => !Object.is(x, b[i]));

class LLMErrorBoundaryInner extends Component<InnerProps, State> {
  override state: State = initialState;

  static getDerivedStateFromError(error: unknown): State {
    return { didCatch: true, error };
  }

  resetErrorBoundary = () => {
    if (!this.state.didCatch) return;
    this.props.onReset?.({ reason: "imperative-api" });
    this.clear();
  };

  private clear() {
    // Reset react-query first: the children remount and their failed queries fetch again instead of re-throwing.
    this.props.resetQueries();
    this.setState(initialState);
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    if (isSaaSLLMError(error)) this.props.onError?.(error, info);
  }

  override componentDidUpdate(prevProps: InnerProps, prevState: State) {
    // Skip the update that caught the error: if the failing render also changed a key, resetting now
    // would just throw again (the same guard as react-error-boundary).
    if (this.state.didCatch && prevState.error !== null && changed(prevProps.resetKeys, this.props.resetKeys)) {
      this.props.onReset?.({ reason: "keys", prev: prevProps.resetKeys, next: this.props.resetKeys });
      this.clear();
    }
  }

  override render(): ReactNode {
    if (!this.state.didCatch) return this.props.children;
    const { error } = this.state;
    // Not ours: re-throw during render so the next boundary up handles it.
    if (!isSaaSLLMError(error)) throw error;
    const props: LLMFallbackProps = { error, state: toErrorState(error), resetErrorBoundary: this.resetErrorBoundary };
    const custom = this.props.fallbacks?.[props.state.state];
    if (custom) return custom(props);
    if (this.props.fallbackRender) return this.props.fallbackRender(props);
    // The banner's next-step handlers (onReauth, onAddCredits ...), each given the fallback props.
    const handlers = Object.fromEntries(NEXT_STEPS.map(([, key]) => [key, this.props[key] && (() => this.props[key]?.(props))]));
    return <ErrorBanner state={props.state} onRetry={this.resetErrorBoundary} {...handlers} />;
  }
}

/**
 * Catches SaaSLLMErrors thrown during render by hooks with `throwOnError` (react-query style) and shows
 * the state's fallback: `fallbacks[state]`, else `fallbackRender`, else the built-in `<ErrorBanner>` with
 * "Try again" wired to a reset. A reset also resets react-query's `QueryErrorResetBoundary`, so failed
 * queries below run again. Anything that is not a SaaSLLMError goes on to the next boundary up.
 * An `aborted` error renders nothing (a cancelled request is not an error) until a reset.
 *
 * @example
 * <LLMErrorBoundary
 *   resetKeys={[jobId]}
 *   onReauth={({ resetErrorBoundary }) => signIn().then(resetErrorBoundary)}
 *   fallbacks={{ "out-of-credits": () => <BuyCredits /> }}
 * >
 *   <JobView jobId={jobId} />
 * </LLMErrorBoundary>
 */
export function LLMErrorBoundary(props: LLMErrorBoundaryProps) {
  return <QueryErrorResetBoundary>{({ reset }) => <LLMErrorBoundaryInner {...props} resetQueries={reset} />}</QueryErrorResetBoundary>;
}
