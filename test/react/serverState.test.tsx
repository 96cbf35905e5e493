// @vitest-environment jsdom
import { act } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { useSelectedState, useTrackedState, type StateSource } from "../../src/react/hooks/useTrackedState";

interface Saved {
  text: string;
}

/** A persisted chat: the server had nothing stored, the browser restores its text from storage. */
function savedSource(client: Saved, server?: Saved): StateSource<Saved> {
  return {
    getState: () => client,
    subscribe: () => () => undefined,
    ...(server && { getServerState: () => server }),
  };
}

function Tracked({ source }: { source: StateSource<Saved> }) {
  const { state, track } = useTrackedState(source);
  track("text");
  return <p>{state.text || "(empty)"}</p>;
}

function Selected({ source }: { source: StateSource<Saved> }) {
  return <p>{useSelectedState(source, (s) => s.text) || "(empty)"}</p>;
}

describe.each([
  ["useTrackedState", Tracked],
  ["useSelectedState", Selected],
] as const)("%s: getServerState for SSR hydration", (_name, View) => {
  it("the server renders getServerState; hydration starts from it (no mismatch), then shows the client state", async () => {
    const source = savedSource({ text: "restored answer" }, { text: "" });
    const html = renderToString(<View source={source} />);
    expect(html).toBe("<p>(empty)</p>");
    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const errors: unknown[] = [];
    const root = await act(async () => hydrateRoot(container, <View source={source} />, { onRecoverableError: (e) => errors.push(e) }));
    expect(errors).toEqual([]);
    expect(container.textContent).toBe("restored answer");
    act(() => root.unmount());
    container.remove();
  });

  it("without getServerState the server renders getState", () => {
    expect(renderToString(<View source={savedSource({ text: "live" })} />)).toBe("<p>live</p>");
  });
});
