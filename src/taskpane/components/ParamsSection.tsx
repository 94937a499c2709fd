import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  tokens,
} from "@fluentui/react-components";
import { KEY_LABELS } from "../../i18n";
import { PLAN_PARAM_NAMES, type PlanParamName, ALLOCATION_KEYS, CAF_BASES, type Lang } from "../../core";
import { uiText } from "../i18n";
import { useControlStyles } from "./styles";
import { paramKind, type IssueView, type ParamFields } from "../model";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(140px, 1fr))",
    gap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: "1 / -1" },
  input: { minWidth: "0", width: "100%" },
  footer: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export interface ParamsSectionProps {
  lang: Lang;
  fields: ParamFields;
  edited: ReadonlySet<PlanParamName>;
  /** The sheet the workbook's parameters come from; null when it has none (the defaults). */
  workbookSheet: string | null;
  /** Errors on the pane's own fields, by parameter. */
  fieldErrors: Partial<Record<PlanParamName, IssueView>>;
  busy: boolean;
  fieldRef(param: PlanParamName): (element: HTMLElement | null) => void;
  onChange(param: PlanParamName, text: string): void;
  onReset(): void;
}

/** 2. The parameters of the plan: cost, cap, rates, key, Caf base. */
export function ParamsSection(props: ParamsSectionProps) {
  const { lang, fields, fieldErrors } = props;
  const styles = useStyles();
  const controls = useControlStyles();
  const t = uiText(lang);
  return (
    <div className={styles.grid}>
      {PLAN_PARAM_NAMES.map((p) => {
        const error = fieldErrors[p];
        const fieldProps = {
          label: t.paramLabels[p],
          validationState: error === undefined ? ("none" as const) : ("error" as const),
          ...(error === undefined ? {} : { validationMessage: error.message }),
        };
        const kind = paramKind(p);
        if (kind === "base" || kind === "key") {
          // A choice among codes; a value the workbook holds that is none of them stays shown as found.
          const options: readonly (readonly [string, string])[] =
            kind === "base"
              ? CAF_BASES.map((b) => [b, t.cafBases[b]] as const)
              : ALLOCATION_KEYS.map((k) => [k, KEY_LABELS[lang][k]] as const);
          return (
            <Field key={p} {...fieldProps} className={controls.field}>
              <Select
                className={controls.select}
                select={{ className: controls.selectElement }}
                ref={props.fieldRef(p)}
                data-param={p}
                value={fields[p]}
                disabled={props.busy}
                onChange={(_, data) => props.onChange(p, data.value)}
              >
                {options.map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
                {options.some(([code]) => code === fields[p]) ? null : (
                  <option value={fields[p]}>{fields[p]}</option>
                )}
              </Select>
            </Field>
          );
        }
        return (
          <Field key={p} {...fieldProps} className={controls.field}>
            <Input
              ref={props.fieldRef(p)}
              className={styles.input}
              data-param={p}
              inputMode="decimal"
              autoComplete="off"
              value={fields[p]}
              disabled={props.busy}
              onChange={(_, data) => props.onChange(p, data.value)}
            />
          </Field>
        );
      })}
      <div className={mergeClasses(styles.wide, styles.footer)}>
        <Caption1>
          {props.workbookSheet === null ? t.paramsDefault : t.paramsFromWorkbook(props.workbookSheet)}
        </Caption1>
        {props.edited.size > 0 ? (
          <Button size="small" disabled={props.busy} onClick={props.onReset}>
            {t.paramsReset}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
