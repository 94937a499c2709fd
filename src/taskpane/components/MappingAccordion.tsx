import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  Field,
  makeStyles,
  Select,
  tokens,
} from "@fluentui/react-components";
import type { ColumnMapping, Field as DataField, Lang } from "../../core";
import { uiText } from "../i18n";
import { withColumn, type PaneView } from "../model";
import { useControlStyles } from "./styles";

const useStyles = makeStyles({
  mapping: { display: "grid", gap: tokens.spacingVerticalS },
  accordionHeader: { margin: 0 },
  accordionButton: { paddingLeft: 0, paddingRight: 0, fontWeight: tokens.fontWeightSemibold },
  panel: { margin: 0, paddingBottom: tokens.spacingVerticalS },
});

export interface MappingAccordionProps {
  lang: Lang;
  view: PaneView;
  mapping: ColumnMapping;
  open: boolean;
  busy: boolean;
  onOpenChange(open: boolean): void;
  onMapping(mapping: ColumnMapping): void;
}

/** Which column holds what: one dropdown per field, in an accordion the pane opens when needed. */
export function MappingAccordion(props: MappingAccordionProps) {
  const { lang, view, mapping } = props;
  const styles = useStyles();
  const controls = useControlStyles();
  const t = uiText(lang);
  return (
    <Accordion
      collapsible
      openItems={props.open ? ["mapping"] : []}
      onToggle={(_, data) => props.onOpenChange(data.openItems.includes("mapping"))}
    >
      <AccordionItem value="mapping">
        <AccordionHeader
          as="h3"
          className={styles.accordionHeader}
          button={{ className: styles.accordionButton }}
          expandIconPosition="end"
        >
          {t.mappingTitle}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <div className={styles.mapping}>
            <Caption1>{t.mappingHint}</Caption1>
            {view.mapping.map((row) => (
              <Field className={controls.field} key={row.field} label={row.label} required={row.required}>
                <Select
                  className={controls.select}
                  select={{ className: controls.selectElement }}
                  data-field={row.field}
                  value={row.column === undefined ? "" : String(row.column)}
                  disabled={props.busy}
                  onChange={(_, data) => {
                    if (data.value === "") return;
                    props.onMapping(withColumn(mapping, row.field as DataField, Number(data.value)));
                  }}
                >
                  {row.column === undefined ? <option value="">{t.noColumn}</option> : null}
                  {view.columns.map((c) => (
                    <option key={c.index} value={String(c.index)}>
                      {c.label}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
