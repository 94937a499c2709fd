import { MessageBar, MessageBarBody } from "@fluentui/react-components";

/**
 * A notice of the start-up screen (Excel slow to answer, start-up failed): a chunk of its own, since
 * a start that goes well never shows one and the message bar need not be in the first scripts.
 */
export function StartupNotice({
  intent,
  testId,
  text,
}: {
  intent: "warning" | "error";
  testId: string;
  text: string;
}) {
  return (
    <MessageBar intent={intent} layout="multiline" data-testid={testId}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
