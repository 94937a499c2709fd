import type * as Deferred from "./deferred";

/** The sections loaded after the figures (components/deferred.ts). */
export type DeferredSections = typeof Deferred;

let loading: Promise<DeferredSections> | null = null;

/** Loads the `sections` chunk once (again after a failure). */
export function loadDeferredSections(): Promise<DeferredSections> {
  loading ??= import(/* webpackChunkName: "sections" */ "./deferred").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
