import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "../src/lib/markdown";
import { parseInline, parseMarkdown, safeHref } from "../src/lib/markdown-parse";

const text = (t: string) => ({ type: "text", text: t });

describe("markdown parser (ticket messages)", () => {
  it("splits paragraphs on blank lines and keeps single newlines as breaks", () => {
    expect(parseMarkdown("one\ntwo\n\nthree")).toEqual([
      { type: "paragraph", children: [text("one"), { type: "break" }, text("two")] },
      { type: "paragraph", children: [text("three")] },
    ]);
  });

  it("parses bold, italic, inline code and escapes", () => {
    expect(parseInline("**b** *i* _j_ `a*b*` \\*not\\*")).toEqual([
      { type: "strong", children: [text("b")] },
      text(" "),
      { type: "em", children: [text("i")] },
      text(" "),
      { type: "em", children: [text("j")] },
      text(" "),
      { type: "code", text: "a*b*" },
      text(" *not*"),
    ]);
    expect(parseInline("***both***")).toEqual([
      { type: "strong", children: [{ type: "em", children: [text("both")] }] },
    ]);
  });

  it("leaves arithmetic, snake_case and unclosed markers alone", () => {
    expect(parseInline("2 * 3 * 4")).toEqual([text("2 * 3 * 4")]);
    expect(parseInline("my_var_name and **open")).toEqual([text("my_var_name and **open")]);
  });

  it("keeps HTML as text", () => {
    expect(parseMarkdown("<img src=x onerror=alert(1)> <b>hi</b>")).toEqual([
      { type: "paragraph", children: [text("<img src=x onerror=alert(1)> <b>hi</b>")] },
    ]);
  });

  it("links only http, https and mailto targets", () => {
    expect(parseInline("[docs](https://example.com/a_(b)) <mailto:a@b.c>")).toEqual([
      { type: "link", href: "https://example.com/a_(b)", children: [text("docs")] },
      text(" "),
      { type: "link", href: "mailto:a@b.c", children: [text("mailto:a@b.c")] },
    ]);
    for (const bad of [
      "[x](javascript:alert(1))",
      "[x](JavaScript:alert(1))",
      "[x](data:text/html,hi)",
      "[x](vbscript:msgbox)",
      "[x](//evil.example)",
      "[x](/relative)",
      "<javascript:alert(1)>",
    ])
      expect(JSON.stringify(parseInline(bad))).not.toContain('"link"');
    expect(safeHref("java\tscript:alert(1)")).toBeNull();
    expect(safeHref(" https://x.y/ ")).toBe("https://x.y/");
  });

  it("never nests a link in a link", () => {
    expect(parseInline("[https://a.b **c**](https://x.y)")).toEqual([
      {
        type: "link",
        href: "https://x.y/",
        children: [text("https://a.b "), { type: "strong", children: [text("c")] }],
      },
    ]);
  });

  it("turns bare URLs into links without trailing punctuation", () => {
    expect(parseInline("see https://example.com/x.")).toEqual([
      text("see "),
      { type: "link", href: "https://example.com/x", children: [text("https://example.com/x")] },
      text("."),
    ]);
  });

  it("parses fenced code, quotes and lists", () => {
    expect(
      parseMarkdown(
        "```ts\nconst a = '<b>';\n**x**\n```\n> quoted\n> **line**\n\n- one\n  more\n- two\n\n3. three\n4. four",
      ),
    ).toEqual([
      { type: "code", lang: "ts", text: "const a = '<b>';\n**x**" },
      {
        type: "quote",
        children: [
          {
            type: "paragraph",
            children: [
              text("quoted"),
              { type: "break" },
              { type: "strong", children: [text("line")] },
            ],
          },
        ],
      },
      {
        type: "list",
        ordered: false,
        start: 1,
        items: [[text("one"), { type: "break" }, text("more")], [text("two")]],
      },
      { type: "list", ordered: true, start: 3, items: [[text("three")], [text("four")]] },
    ]);
  });

  it("stays bounded on hostile input", () => {
    // Deterministic bounds (its speed is timed by bench/markdown.bench.ts): the tree grows
    // linearly with the input (twice the input, at most about twice the tree), and nests
    // no deeper than the limits.
    const depth = (node: unknown): number =>
      Array.isArray(node)
        ? Math.max(0, ...node.map(depth))
        : node && typeof node === "object"
          ? 1 + Math.max(0, ...Object.values(node).map(depth))
          : 0;
    const hostile: [string, number][] = [
      ["*", 2000],
      ["[", 1000],
      ["](", 500],
      [">", 2000],
      ["**a ", 500],
      ["> ", 1000],
      ["**_", 650],
    ];
    for (const [unit, times] of hostile) {
      const size = (n: number) => JSON.stringify(parseMarkdown(unit.repeat(n))).length;
      const [once, twice] = [size(times), size(2 * times)];
      expect(once).toBeGreaterThan(unit.length * times);
      expect(twice).toBeLessThanOrEqual(2.2 * once + 200);
      expect(once).toBeLessThan(16 * unit.length * times + 200);
      // Blocks in quotes (4) and inline nesting (6), each level two objects deep at most.
      expect(depth(parseMarkdown(unit.repeat(2 * times)))).toBeLessThanOrEqual(2 * (4 + 6) + 2);
    }
    // Deep quotes stop nesting.
    const deep = JSON.stringify(parseMarkdown("> > > > > > > > deep"));
    expect(deep.split('"quote"').length - 1).toBeLessThanOrEqual(4);
  });
});

describe("markdown renderer", () => {
  it("renders elements, escapes HTML and hardens links", () => {
    const html = renderToStaticMarkup(
      createElement(Markdown, {
        source:
          '<script>alert(1)</script> **hi** [a](https://x.y/?q="1") [b](javascript:alert(1))\n\n```\n<b>x</b>\n```',
      }),
    );
    expect(html).toBe(
      '<div class="markdown"><p>&lt;script&gt;alert(1)&lt;/script&gt; <strong>hi</strong> ' +
        '<a href="https://x.y/?q=%221%22" target="_blank" rel="noopener noreferrer nofollow">a</a> ' +
        "[b](javascript:alert(1))</p><pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre></div>",
    );
  });
});
