interface ProgressBarProps {
  label: string;
  /** 0 to 100; undefined while the amount of work is not known. */
  percent: number | undefined;
}

/** A labelled progress bar; without a percent it shows work going on. */
export function ProgressBar({ label, percent }: ProgressBarProps) {
  return (
    <div className="progress">
      <label>
        <span>
          {label}
          {percent === undefined ? '' : ` (${Math.round(percent)}%)`}
        </span>
        <progress max={100} value={percent} />
      </label>
    </div>
  );
}
