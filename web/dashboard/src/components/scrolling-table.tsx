import { type ReactNode, useId, useLayoutEffect, useRef, useState } from 'react';

interface ScrollingTableProps {
  /** What the table lists: its caption, and the name of its frame when that scrolls. */
  caption: ReactNode;
  /** Shows the caption; most tables sit under a heading that says the same, so it is for screen readers only. */
  captionShown?: boolean;
  /** The table's rows: thead, tbody. */
  children: ReactNode;
}

/**
 * A table in a scrolling frame (a phone's screen is narrower than most tables). While the table does
 * not fit the frame, the frame takes the keyboard focus, so arrow keys can scroll it (WCAG 2.1.1),
 * and is a region named by the caption, so a screen reader says what that stop is. While it fits,
 * the frame is a plain box: no extra Tab stop on a laptop.
 */
export function ScrollingTable({ caption, captionShown = false, children }: ScrollingTableProps) {
  const captionId = useId();
  const frameRef = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useLayoutEffect(() => {
    const frame = frameRef.current;
    if (!frame) return;
    // Measured before the first paint, then whenever the frame or its table change size.
    // Sideways on a phone; down too where a frame has a height of its own (a chart's figures).
    const measure = () =>
      setScrolls(frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(frame);
    const table = frame.querySelector('table');
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  return (
    <div
      ref={frameRef}
      className="table-scroll"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-labelledby': captionId } : {})}
    >
      <table>
        <caption id={captionId} className={captionShown ? undefined : 'visually-hidden'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
