import { useState, type ReactNode } from "react";
import type { Simulator } from "@saas-litellm/react/testing";
import { useDemo } from "./demo";

/** One button that scripts a fault on the story's simulator. */
export interface FaultAction {
  label: string;
  run(simulator: Simulator): void;
}

/**
 * The simulator's controls, for people trying failures by hand. Shows what is armed for the next call.
 * Against a real server there is nothing to script, so it says so instead.
 */
export function FaultPanel({ actions, children }: { actions: FaultAction[]; children?: ReactNode }) {
  const { simulator } = useDemo();
  const [armed, setArmed] = useState<string | null>(null);
  if (!simulator) return <p className="demo__note">Real server: fault controls need the simulator.</p>;
  return (
    <fieldset className="demo__faults">
      <legend>Simulator faults (for the next call)</legend>
      <div className="demo__row">
        {actions.map((a) => (
          <button key={a.label} type="button" onClick={() => (a.run(simulator), setArmed(a.label))}>
            {a.label}
          </button>
        ))}
        {children}
      </div>
      <p className="demo__note" role="status">{armed ? `Armed: ${armed}` : "Nothing armed: calls succeed."}</p>
    </fieldset>
  );
}
