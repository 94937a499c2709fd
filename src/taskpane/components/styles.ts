import { makeStyles } from "@fluentui/react-components";

/**
 * Form controls that never grow wider than the pane: a native select is as wide as its longest
 * option (a table name, a long header) unless told otherwise.
 */
export const useControlStyles = makeStyles({
  field: { minWidth: 0 },
  select: { width: "100%", minWidth: 0 },
  selectElement: { width: "100%", minWidth: 0, maxWidth: "100%", textOverflow: "ellipsis" },
});
