import { TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

export type ArgumentKind = "text" | "number" | "date" | "plural" | "select";

/** One argument of a message: how it is used, and a `select`'s or plural's options. */
export interface MessageArgument {
  kind: ArgumentKind;
  options: string[];
}

function kindOf(element: MessageFormatElement): ArgumentKind | undefined {
  switch (element.type) {
    case TYPE.argument:
      return "text";
    case TYPE.number:
      return "number";
    case TYPE.date:
    case TYPE.time:
      return "date";
    case TYPE.plural:
      return "plural";
    case TYPE.select:
      return "select";
    default:
      return undefined;
  }
}

/** Every argument a parsed message reads, nested ones included (first use decides the kind). */
export function argumentsOf(
  ast: readonly MessageFormatElement[],
  found = new Map<string, MessageArgument>(),
): Map<string, MessageArgument> {
  for (const element of ast) {
    const kind = kindOf(element);
    if (
      kind &&
      "value" in element &&
      typeof element.value === "string" &&
      !found.has(element.value)
    )
      found.set(element.value, {
        kind,
        options: "options" in element ? Object.keys(element.options) : [],
      });
    if (element.type === TYPE.plural || element.type === TYPE.select)
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}
