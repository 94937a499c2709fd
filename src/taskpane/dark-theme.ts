/** The dark theme's tokens, a chunk of their own: the pane loads them only when it is dark. */
export { webDarkTheme } from "@fluentui/react-components";
