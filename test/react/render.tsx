import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, type RenderOptions } from "@testing-library/react";
import { StrictMode, useState, type ReactElement, type ReactNode } from "react";
import { SaaSLLMProvider, type SaaSLLMClient, type SaaSLLMJobsClient } from "../../src/index";

/** Renders inside a fresh QueryClient and a SaaSLLMProvider, like an app would. */
export function renderWithClient(ui: ReactElement, client: SaaSLLMClient | SaaSLLMJobsClient, { strict = false, ...options }: RenderOptions & { strict?: boolean } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const Wrapper = ({ children }: { children: ReactNode }) => {
    const tree = (
      <QueryClientProvider client={queryClient}>
        {/* Unchecked on purpose, like untyped code: some tests give hooks a client without their module. */}
        <SaaSLLMProvider client={client as SaaSLLMClient}>{children}</SaaSLLMProvider>
      </QueryClientProvider>
    );
    return strict ? <StrictMode>{tree}</StrictMode> : tree;
  };
  return { queryClient, ...render(ui, { wrapper: Wrapper, ...options }) };
}

/** Renders its children until the user clicks the button: a real unmount, mid-whatever the test is doing. */
export function Removable({ children, label = "Close" }: { children: ReactNode; label?: string }) {
  const [show, setShow] = useState(true);
  return (
    <>
      <button onClick={() => setShow(false)}>{label}</button>
      {show && children}
    </>
  );
}
