/**
 * A small, safe Markdown subset for chat messages, parsed to a tree that the
 * React renderer (./markdown.tsx) turns into elements: no HTML ever passes
 * through (tags stay text), and links keep only http, https and mailto URLs.
 *
 * Blocks: paragraphs (single newlines are line breaks), fenced code, `>` quotes,
 * `-`/`*`/`+` and `1.` lists. Inline: `**bold**`, `*italic*` / `_italic_`,
 * `` `code` ``, `[text](url)`, `<url>` and bare http(s) URLs, `\` escapes.
 */

export type MdInline =
  | { type: "text"; text: string }
  | { type: "strong"; children: MdInline[] }
  | { type: "em"; children: MdInline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: MdInline[] }
  | { type: "break" };

export type MdBlock =
  | { type: "paragraph"; children: MdInline[] }
  | { type: "code"; lang: string; text: string }
  | { type: "quote"; children: MdBlock[] }
  | { type: "list"; ordered: boolean; start: number; items: MdInline[][] };

/** Quotes nest at most this deep; deeper `>` stay text. */
const MAX_QUOTE_DEPTH = 4;
/** Emphasis and links nest at most this deep. */
const MAX_INLINE_DEPTH = 6;

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([\w+#.-]*)\s*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const ORDERED = /^ {0,3}(\d{1,9})[.)][ \t]+(.*)$/;
const BLANK = /^\s*$/;

/** A URL that is safe to link to (http, https, mailto), normalised; otherwise null. */
export function safeHref(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^(https?:\/\/|mailto:)/i.test(trimmed)) return null;
  // Control characters and spaces never belong in a link (they hide schemes).
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    if (!["http:", "https:", "mailto:"].includes(url.protocol)) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Parses Markdown source into blocks. */
export function parseMarkdown(source: string): MdBlock[] {
  return parseBlocks(source.replace(/\r\n?/g, "\n").split("\n"), 0);
}

function parseBlocks(lines: string[], depth: number): MdBlock[] {
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const body: string[] = [];
      i++;
      while (i < lines.length && !isClosingFence(lines[i]!, marker)) body.push(lines[i++]!);
      i++; // the closing fence (or past the end)
      blocks.push({ type: "code", lang: fence[2] ?? "", text: body.join("\n") });
      continue;
    }
    if (QUOTE.test(line) && depth < MAX_QUOTE_DEPTH) {
      const inner: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i]!)) inner.push(QUOTE.exec(lines[i++]!)![1]!);
      blocks.push({ type: "quote", children: parseBlocks(inner, depth + 1) });
      continue;
    }
    if (BULLET.test(line) || ORDERED.test(line)) {
      const [list, next] = parseList(lines, i);
      blocks.push(list);
      i = next;
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      !BLANK.test(lines[i]!) &&
      (para.length === 0 || !startsBlock(lines[i]!))
    )
      para.push(lines[i++]!.trim());
    blocks.push({ type: "paragraph", children: parseInline(para.join("\n")) });
  }
  return blocks;
}

function isClosingFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  return trimmed.length >= marker.length && trimmed === marker[0]!.repeat(trimmed.length);
}

function startsBlock(line: string): boolean {
  return FENCE.test(line) || QUOTE.test(line) || BULLET.test(line) || ORDERED.test(line);
}

/** Consecutive items of one kind; indented lines continue the item before them. */
function parseList(lines: string[], from: number): [MdBlock, number] {
  const ordered = !BULLET.test(lines[from]!);
  const itemPattern = ordered ? ORDERED : BULLET;
  const start = ordered ? Number(ORDERED.exec(lines[from]!)![1]) : 1;
  const items: string[][] = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i]!;
    const item = itemPattern.exec(line);
    if (item) {
      items.push([(ordered ? item[2] : item[1])!.trim()]);
    } else if (/^\s{2,}\S/.test(line) && items.length > 0) {
      items.at(-1)!.push(line.trim());
    } else {
      break;
    }
    i++;
  }
  return [{ type: "list", ordered, start, items: items.map((l) => parseInline(l.join("\n"))) }, i];
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD = /[\p{L}\p{N}]/u;

/** Parses one block's text (newlines become line breaks); no links inside a link's label. */
export function parseInline(text: string, depth = 0, inLink = false): MdInline[] {
  const out: MdInline[] = [];
  let plain = "";
  const flush = () => {
    if (plain) out.push({ type: "text", text: plain });
    plain = "";
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "\\" && i + 1 < text.length && PUNCTUATION.test(text[i + 1]!)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (ch === "\n") {
      flush();
      out.push({ type: "break" });
      i++;
      continue;
    }
    const found =
      codeSpan(text, i) ??
      (depth < MAX_INLINE_DEPTH
        ? (emphasis(text, i, depth, inLink) ?? (inLink ? null : link(text, i, depth)))
        : null) ??
      (inLink ? null : autolink(text, i, plain));
    if (found) {
      flush();
      out.push(found.node);
      i = found.end;
      continue;
    }
    plain += ch;
    i++;
  }
  flush();
  return out;
}

interface Found {
  node: MdInline;
  end: number;
}

function codeSpan(text: string, i: number): Found | null {
  if (text[i] !== "`") return null;
  let n = 0;
  while (text[i + n] === "`") n++;
  const ticks = "`".repeat(n);
  let j = text.indexOf(ticks, i + n);
  while (j !== -1 && text[j + n] === "`") {
    // A longer run of backticks does not close this span.
    let k = j;
    while (text[k] === "`") k++;
    j = text.indexOf(ticks, k);
  }
  if (j === -1) return null;
  let body = text.slice(i + n, j).replace(/\n/g, " ");
  if (body.length > 2 && body.startsWith(" ") && body.endsWith(" ")) body = body.slice(1, -1);
  if (!body) return null;
  return { node: { type: "code", text: body }, end: j + n };
}

function emphasis(text: string, i: number, depth: number, inLink: boolean): Found | null {
  const ch = text[i];
  if (ch !== "*" && ch !== "_") return null;
  // `_` inside a word (snake_case) is a letter, not emphasis.
  if (ch === "_" && i > 0 && WORD.test(text[i - 1]!)) return null;
  const delim = text[i + 1] === ch ? ch + ch : ch;
  const open = i + delim.length;
  if (open >= text.length || /\s/.test(text[open]!)) return null;
  const close = findCloser(text, open, delim);
  if (close === -1) return null;
  const children = parseInline(text.slice(open, close), depth + 1, inLink);
  return {
    node: { type: delim.length === 2 ? "strong" : "em", children },
    end: close + delim.length,
  };
}

/** Where `delim` closes emphasis opened before `from` (skipping code spans), or -1. */
function findCloser(text: string, from: number, delim: string): number {
  const ch = delim[0]!;
  let j = from;
  while (j < text.length) {
    if (text[j] === "\\") {
      j += 2;
      continue;
    }
    if (text[j] === "`") {
      const span = codeSpan(text, j);
      if (span) {
        j = span.end;
        continue;
      }
    }
    if (text[j] === ch) {
      let run = 0;
      while (text[j + run] === ch) run++;
      // The closer is the end of the run: `***` closes `*` after `**b**`, or `**` after `*i*`.
      const at = j + run - delim.length;
      const fits = delim.length === 1 ? run !== 2 : run >= 2;
      const afterOk = ch !== "_" || !WORD.test(text[j + run] ?? "");
      if (fits && at > from && !/\s/.test(text[j - 1]!) && afterOk) return at;
      j += run;
      continue;
    }
    j++;
  }
  return -1;
}

function link(text: string, i: number, depth: number): Found | null {
  if (text[i] === "<") {
    const end = text.indexOf(">", i);
    if (end === -1) return null;
    const href = safeHref(text.slice(i + 1, end));
    if (!href) return null;
    const label = text.slice(i + 1, end);
    return {
      node: { type: "link", href, children: [{ type: "text", text: label }] },
      end: end + 1,
    };
  }
  if (text[i] !== "[") return null;
  let level = 0;
  let j = i;
  for (; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === "[") level++;
    else if (text[j] === "]" && --level === 0) break;
  }
  if (j >= text.length || text[j + 1] !== "(") return null;
  let parens = 0;
  let k = j + 1;
  for (; k < text.length; k++) {
    if (text[k] === "(") parens++;
    else if (text[k] === ")" && --parens === 0) break;
    else if (/\s/.test(text[k]!)) return null;
  }
  if (k >= text.length) return null;
  const href = safeHref(text.slice(j + 2, k));
  // Not a safe target: the whole thing stays text.
  if (!href) return null;
  return {
    node: { type: "link", href, children: parseInline(text.slice(i + 1, j), depth + 1, true) },
    end: k + 1,
  };
}

/** A bare http(s) URL at a word start; trailing punctuation stays outside. */
function autolink(text: string, i: number, before: string): Found | null {
  if (text[i] !== "h" || (before && WORD.test(before.at(-1)!))) return null;
  const match = /^https?:\/\/[^\s<>"'`]+/i.exec(text.slice(i, i + 2048));
  if (!match) return null;
  let url = match[0];
  while (/[.,;:!?*_]$/.test(url) || (url.endsWith(")") && !url.includes("(")))
    url = url.slice(0, -1);
  const href = safeHref(url);
  if (!href) return null;
  return {
    node: { type: "link", href, children: [{ type: "text", text: url }] },
    end: i + url.length,
  };
}
