import { useEffect, useRef } from "react";

/**
 * A ref that holds the value of the last committed render: for callbacks that live longer than a
 * render (a workbook event handler) and must see the pane as it is now, without subscribing again.
 *
 * @param value - the value now
 * @returns the ref (read it in callbacks and effects, never while rendering)
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
