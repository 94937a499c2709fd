import type { Dispatch } from "react";
import type { Lang } from "../../core";
import type { PaneHost } from "../host";
import { uiText, type UiText } from "../i18n";
import {
  fieldsOfParams,
  localIsoDay,
  parametersSheet,
  pendingScenarioChanges,
  type ScenarioView,
} from "../model";
import type { GenerationControls } from "../hooks/useGeneration";
import type { Navigation } from "../hooks/useNavigation";
import type { Planned } from "../hooks/usePlan";
import { isBusy, type Loaded, type Note, type PaneAction, type PaneState } from "../state";
import type { DeferredSections } from "./deferred-sections";
import { PreviewSection } from "./PreviewSection";
import { DeferredFallback, Section } from "./Section";

/** A note after a click on a cell or a sheet, in the pane's language. */
function noteText(note: Note | null, kind: PaneHost["kind"], lang: Lang, t: UiText): string {
  if (note === null) return "";
  if (note.kind === "error") return note.message[lang];
  if (note.kind === "cell") return kind === "file" ? t.cellNoteFile(note.name) : t.cellSelected(note.name);
  return kind === "file" ? t.sheetInFile(note.name) : t.sheetShown(note.name);
}

/** What sections 2 to 7 are given: the state, what was planned from it, and what they can do. */
export interface PaneSectionsProps {
  readonly lang: Lang;
  readonly hostKind: PaneHost["kind"];
  readonly state: PaneState;
  readonly loaded: Loaded;
  /** The plan, with a view and fields (the sections show only then). */
  readonly planned: Planned & {
    readonly view: NonNullable<Planned["view"]>;
    readonly fields: NonNullable<Planned["fields"]>;
  };
  readonly navigation: Navigation;
  readonly generation: GenerationControls;
  readonly dispatch: Dispatch<PaneAction>;
  /** Sections 2, 3, 5, 6 and 7, loaded after the figures (null until then: their fallbacks show). */
  readonly deferred: DeferredSections | null;
}

/** 2. The parameters: the pane's fields over the workbook's. */
function ParamsCard({ lang, state, loaded, planned, navigation, dispatch, deferred }: PaneSectionsProps) {
  const t = uiText(lang);
  return (
    <Section id="params" number={2} title={t.sections.params}>
      {deferred === null ? (
        <DeferredFallback lang={lang} />
      ) : (
        <deferred.ParamsSection
          lang={lang}
          fields={planned.fields}
          edited={planned.edited}
          workbookSheet={parametersSheet(loaded.snapshot.parameters)}
          fieldErrors={planned.fieldErrors}
          busy={isBusy(state)}
          fieldRef={navigation.fieldRef}
          onChange={(param, text) => dispatch({ type: "param-edited", param, text })}
          onReset={() => dispatch({ type: "params-reset" })}
        />
      )}
    </Section>
  );
}

/** 3. The check: errors and warnings, each going to its cell. */
function CheckCard({ lang, hostKind, state, planned, navigation, deferred }: PaneSectionsProps) {
  const t = uiText(lang);
  const { view } = planned;
  return (
    <Section
      id="check"
      number={3}
      title={t.sections.check}
      extra={
        deferred === null ? undefined : (
          <deferred.CheckBadges lang={lang} errors={view.errorCount} warnings={view.warningCount} />
        )
      }
    >
      {deferred === null ? (
        <DeferredFallback lang={lang} />
      ) : (
        <deferred.CheckSection
          lang={lang}
          issues={view.issues}
          current={state.currentIssue}
          status={noteText(state.cellNote, hostKind, lang, t)}
          onGo={(issue, cell) => void navigation.go(issue, cell)}
        />
      )}
    </Section>
  );
}

/** 5. The scenarios: saved, renamed, deleted, applied in the pane (written at the next generation). */
function ScenariosCard({ lang, state, planned, dispatch, deferred }: PaneSectionsProps) {
  const t = uiText(lang);
  const plan = planned.result?.plan ?? null;
  const apply = (view: ScenarioView): void =>
    dispatch({
      type: "scenario-applied",
      name: view.name,
      overrides: fieldsOfParams(view.scenario.params, lang),
      basinMoves: view.scenario.basinOverrides,
    });
  return (
    <Section id="scenarios" number={5} title={t.sections.scenarios}>
      {deferred === null ? (
        <DeferredFallback lang={lang} />
      ) : (
        <deferred.ScenariosSection
          lang={lang}
          scenarios={planned.scenarios}
          pending={pendingScenarioChanges(state.edits.scenarioEdits)}
          blocked={planned.view.blocked}
          busy={isBusy(state)}
          applied={state.applied}
          onSave={(name, note) => {
            if (plan === null) return;
            const scenario = { name, note, date: localIsoDay(), params: plan.params, basinOverrides: {} };
            dispatch({ type: "scenario-staged", edit: { kind: "add", scenario } });
          }}
          onRename={(from, to) => dispatch({ type: "scenario-staged", edit: { kind: "rename", from, to } })}
          onDelete={(name) => dispatch({ type: "scenario-staged", edit: { kind: "delete", name } })}
          onApply={apply}
          onUndo={() => dispatch({ type: "scenarios-undone" })}
        />
      )}
    </Section>
  );
}

/** 6. Generate: the summary's state, the button, the progress and what came of it. */
function GenerateCard({
  lang,
  hostKind,
  state,
  loaded,
  planned,
  navigation,
  generation,
  dispatch,
  deferred,
}: PaneSectionsProps) {
  const t = uiText(lang);
  return (
    <Section id="generate" number={6} title={t.sections.generate}>
      {deferred === null ? (
        <DeferredFallback lang={lang} />
      ) : (
        <deferred.GenerateSection
          lang={lang}
          summary={planned.summary}
          blocked={planned.view.blocked}
          warningCount={planned.view.warningCount}
          acknowledged={state.acknowledged}
          onAcknowledge={(value) => dispatch({ type: "warnings-acknowledged", value })}
          state={state.generation}
          onGenerate={generation.generate}
          onSheet={(name) => void navigation.showSheet(name)}
          sheetNote={noteText(state.sheetNote, hostKind, lang, t)}
          incomplete={loaded.snapshot.complete === false}
          onSettle={generation.settle}
          onCancelConflicts={generation.cancel}
        />
      )}
    </Section>
  );
}

/**
 * Whether the workbook has a bonus territoire to show: a plan of its facilities table, or a table
 * whose errors (in the check's list) stand in the way. Hidden for a workbook without the table.
 */
function hasBonus(props: PaneSectionsProps): boolean {
  const result = props.planned.result;
  if (result?.plan != null && result.bonus !== null) return true;
  return props.loaded.snapshot.facilities != null;
}

/** 7. The bonus territoire (issue #14), when the workbook has a facilities table. */
function BonusCard({ lang, planned, deferred }: PaneSectionsProps) {
  const t = uiText(lang);
  const result = planned.result;
  return (
    <Section id="bonus" number={7} title={t.sections.bonus}>
      {deferred === null ? (
        <DeferredFallback lang={lang} />
      ) : (
        <deferred.BonusSection
          lang={lang}
          plan={result?.plan == null ? null : (result.bonus?.plan ?? null)}
          blocked={planned.view.blocked}
        />
      )}
    </Section>
  );
}

/** Sections 2 to 7, once the workbook is read and planned. */
export function PaneSections(props: PaneSectionsProps) {
  const t = uiText(props.lang);
  return (
    <>
      <ParamsCard {...props} />
      <CheckCard {...props} />
      <Section id="preview" number={4} title={t.sections.preview}>
        <PreviewSection lang={props.lang} preview={props.planned.view.preview} />
      </Section>
      <ScenariosCard {...props} />
      <GenerateCard {...props} />
      {hasBonus(props) ? <BonusCard {...props} /> : null}
    </>
  );
}
