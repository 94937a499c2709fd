/**
 * The sections that do not show the figures, and the column mapping's accordion: one chunk
 * (`sections`), asked for once the figures are painted (see hooks/useDeferredSections.ts), so that
 * their Fluent components (input, select, radio, field, badge, progress, checkbox, link, accordion,
 * dialog) are not on the path to the figures. The bonus territoire's section is here too: its view
 * model and words come with it.
 */

export { BonusSection } from "./BonusSection";
export { CheckBadges, CheckSection } from "./CheckSection";
export { GenerateSection } from "./GenerateSection";
export { MappingAccordion } from "./MappingAccordion";
export { ParamsSection } from "./ParamsSection";
export { ScenariosSection } from "./ScenariosSection";
