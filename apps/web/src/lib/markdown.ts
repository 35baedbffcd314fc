import { createElement as h, type ReactNode } from "react";
import { parseMarkdown, type MdBlock, type MdInline } from "./markdown-parse";

/**
 * Markdown (the safe subset of ./markdown-parse) as React elements: text is
 * escaped by React, no HTML is ever injected, and links go only to http, https
 * and mailto, in a new tab without opener or referrer. Written with
 * createElement (no JSX) so plain unit tests can import it.
 */
export function Markdown({ source, className }: { source: string; className?: string }) {
  return h(
    "div",
    { className: className ? `markdown ${className}` : "markdown" },
    blocks(parseMarkdown(source)),
  );
}

function blocks(list: MdBlock[]): ReactNode[] {
  return list.map((block, key) => {
    switch (block.type) {
      case "paragraph":
        return h("p", { key }, inlines(block.children));
      case "code":
        return h("pre", { key }, h("code", { "data-lang": block.lang || undefined }, block.text));
      case "quote":
        return h("blockquote", { key }, blocks(block.children));
      case "list": {
        const items = block.items.map((item, j) => h("li", { key: j }, inlines(item)));
        return block.ordered
          ? h("ol", { key, start: block.start === 1 ? undefined : block.start }, items)
          : h("ul", { key }, items);
      }
    }
  });
}

function inlines(list: MdInline[]): ReactNode[] {
  return list.map((node, key) => {
    switch (node.type) {
      case "text":
        return node.text;
      case "break":
        return h("br", { key });
      case "strong":
        return h("strong", { key }, inlines(node.children));
      case "em":
        return h("em", { key }, inlines(node.children));
      case "code":
        return h("code", { key }, node.text);
      case "link":
        return h(
          "a",
          { key, href: node.href, target: "_blank", rel: "noopener noreferrer nofollow" },
          inlines(node.children),
        );
    }
  });
}
