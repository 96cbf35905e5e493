import type { ReactNode } from "react";

/** Props of {@link BannerView}. */
export interface BannerViewProps {
  /** The state name: becomes `slm-banner--{name}` and `data-state`. */
  name: string;
  title: string;
  message: string;
  /** `alert` for a failure the user just caused; `status` for a standing condition. @default "alert" */
  role?: "alert" | "status";
  /** Extra content under the message (field errors). */
  details?: ReactNode;
  /** Action buttons; none renders no actions row. */
  actions?: ReactNode[];
  className?: string;
}

/**
 * The markup every banner shares: unstyled, with stable `slm-*` class names for `styles.css` or your own.
 * Only the title and message sit in the live region: buttons (and a ticking countdown) outside it are
 * not re-announced by screen readers every second. Nothing here takes focus.
 *
 * @example
 * <BannerView name="team-paused" title="Team paused" message="..." role="status" />
 */
export function BannerView({ name, title, message, role = "alert", details, actions, className }: BannerViewProps) {
  return (
    <div className={`slm-banner slm-banner--${name}${className ? ` ${className}` : ""}`} data-state={name}>
      <div className="slm-banner__text" role={role}>
        <p className="slm-banner__title">{title}</p>
        <p className="slm-banner__message">{message}</p>
      </div>
      {details}
      {actions?.length ? <div className="slm-banner__actions">{actions}</div> : null}
    </div>
  );
}
