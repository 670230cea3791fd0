/**
 * The skeleton of an imported DOCX, HTML, Markdown or PO file: everything needed
 * to write the same file back with each paragraph's text replaced. Stored
 * beside the document (storage SourceFileStore), never in its snapshot.
 *
 * A file has one or more text parts (Markdown and HTML: the decoded text;
 * DOCX: word/document.xml, footnotes, endnotes, headers, footers). A slot is
 * one paragraph's place in a part: the span [start, end) of the part's text it
 * occupies. Rebuilding writes, for each slot, `prefix + render(text) + suffix`
 * over the span, where render turns the cell's tags back into the markup they
 * stand for (`tags`, keyed by tag id); a slot whose paragraph still has the
 * source text it was imported with keeps its original bytes.
 */
export type OriginalFormat = 'md' | 'html' | 'docx' | 'po';

/**
 * `at`: where the opening (or standalone) markup starts in the part, so that
 * a slot inside it (an HTML `title` attribute of a link) is written into it.
 */
export type TagData =
  /** Paired: `open` and `close` are raw markup; `style` (DOCX) is the run properties for the text inside. */
  | { kind: 'pair'; open: string; close: string; style?: string; label: string; at?: number }
  | { kind: 'ph'; raw: string; label: string; at?: number };

export interface Slot {
  part: number;
  start: number;
  end: number;
  /** Markup kept around the translatable middle (edge tags, an attribute's quotes). */
  prefix: string;
  suffix: string;
  /** The cell text as imported (tags included). */
  text: string;
  tags: Record<string, TagData>;
  /** How text is written back in this slot. */
  mode: SlotMode;
}

export type SlotMode =
  /** `continuation`: written after each line break (a blockquote's "> ", a list item's indent); null where a line break cannot be (headings, table cells) and becomes a space. */
  | { kind: 'md'; continuation: string | null }
  | { kind: 'html'; /** markup for a line break ("<br>"), or null in <pre> */ br: string | null }
  | { kind: 'attr'; quote: '"' | "'" }
  | { kind: 'docx'; /** run properties of untagged text */ style: string }
  /** PO: the message's entry (po/entries.ts, counted over all entries of the file) and its plural form (0 when singular); start/end span the entry's lines. */
  | { kind: 'po'; entry: number; form: number };

export interface Skeleton {
  format: OriginalFormat;
  /** DOCX: the zip entry of each part; md/html: one unnamed part. */
  parts: string[];
  /** HTML: the charset the file declared; the rebuilt file is UTF-8 and says so. */
  charset: string | null;
  /** Fixed rewrites applied on every export (e.g. the charset declaration), per part. */
  fixed: { part: number; start: number; end: number; text: string }[];
  /** One per paragraph of the document at import, in order. */
  slots: Slot[];
}

/** What an extractor gives: the paragraphs (slots' texts) and a suggested title. */
export interface Extracted {
  skeleton: Skeleton;
  title: string | null;
}
