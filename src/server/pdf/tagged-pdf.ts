import path from "node:path";
import { Readable } from "node:stream";
import PDFDocument from "pdfkit";

// A tagged, accessible PDF (PDF/UA-1: structure tree, language, title shown, fonts embedded) of
// headings, paragraphs, lists and tables, laid out top to bottom. Reports and exports use it.

const FONT_DIR = path.join(process.cwd(), "assets", "fonts");
const MARGIN = 50;
const CELL_PAD = 4;
const sizes = { 1: 18, 2: 14, 3: 12 } as const;

export type PdfTable = { caption: string; head: string[]; rows: string[][]; widths?: number[] };

export class TaggedPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly root: PDFKit.PDFStructureElement;

  constructor(title: string, { author, subject, landscape }: { author?: string; subject?: string; landscape?: boolean } = {}) {
    this.doc = new PDFDocument({
      size: "A4",
      layout: landscape ? "landscape" : "portrait",
      margin: MARGIN,
      pdfVersion: "1.7",
      subset: "PDF/UA" as PDFKit.Mixins.PDFSubsets,
      tagged: true,
      displayTitle: true,
      lang: "en-GB",
      info: { Title: title, Author: author ?? "Attest", Subject: subject ?? title, Creator: "Attest" },
      bufferPages: false,
    });
    this.doc.registerFont("Body", path.join(FONT_DIR, "DejaVuSans.ttf"));
    this.doc.registerFont("Bold", path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
    this.doc.font("Body").fontSize(10);
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  heading(level: 1 | 2 | 3, text: string) {
    this.room(sizes[level] * 3);
    this.root.add(
      this.doc.struct(`H${level}`, {}, () => {
        this.doc.font("Bold").fontSize(sizes[level]).text(text, MARGIN, this.doc.y, { width: this.width });
        this.doc.font("Body").fontSize(10).moveDown(0.4);
      }),
    );
  }

  paragraph(text: string) {
    this.root.add(
      this.doc.struct("P", {}, () => {
        this.doc.text(text, MARGIN, this.doc.y, { width: this.width });
        this.doc.moveDown(0.5);
      }),
    );
  }

  /** Label–value pairs ("Period: 1 Dec 2026 to 28 Feb 2027") as a list. */
  facts(pairs: [string, string][]) {
    this.list(pairs.map(([k, v]) => `${k}: ${v}`));
  }

  list(items: string[]) {
    if (items.length === 0) return;
    const list = this.doc.struct("L");
    this.root.add(list);
    for (const item of items) {
      list.add(
        this.doc.struct("LI", {}, [
          this.doc.struct("LBody", {}, () => {
            this.doc.text(`• ${item}`, MARGIN + 8, this.doc.y, { width: this.width - 8 });
          }),
        ]),
      );
    }
    list.end();
    this.doc.moveDown(0.5);
  }

  /** A table with a caption and a header row; rows that do not fit start a new page with the header again. */
  table({ caption, head, rows, widths }: PdfTable) {
    const share = widths ?? head.map(() => 1);
    const total = share.reduce((a, b) => a + b, 0);
    const cols = share.map((s) => (s / total) * this.width);
    const table = this.doc.struct("Table");
    this.root.add(table);
    table.add(this.doc.struct("Caption", {}, () => this.doc.font("Bold").text(caption, MARGIN, this.doc.y, { width: this.width }).font("Body")));
    this.doc.moveDown(0.3);
    const row = (cells: string[], header: boolean) => {
      const measure = () => {
        this.doc.font(header ? "Bold" : "Body").fontSize(9);
        return Math.max(...cells.map((c, i) => this.doc.heightOfString(c || " ", { width: (cols[i] ?? 0) - 2 * CELL_PAD }))) + 2 * CELL_PAD;
      };
      let height = measure();
      if (this.doc.y + height > this.doc.page.height - MARGIN) {
        this.doc.addPage();
        if (!header) row(head, true);
        height = measure();
      }
      const top = this.doc.y;
      const tr = this.doc.struct("TR");
      table.add(tr);
      let x = MARGIN;
      cells.forEach((c, i) => {
        const w = cols[i] ?? 0;
        tr.add(this.doc.struct(header ? "TH" : "TD", {}, () => this.doc.text(c || " ", x + CELL_PAD, top + CELL_PAD, { width: w - 2 * CELL_PAD })));
        x += w;
      });
      tr.end();
      this.artifact(() => this.doc.rect(MARGIN, top, this.width, height).lineWidth(0.5).strokeColor("#888888").stroke());
      this.doc.x = MARGIN;
      this.doc.y = top + height;
    };
    row(head, true);
    for (const r of rows) row(r, false);
    table.end();
    this.doc.font("Body").fontSize(10).moveDown(0.8);
  }

  /** The document as a stream, ended: nothing more can be added. */
  stream(): ReadableStream<Uint8Array> {
    this.root.end();
    this.doc.end();
    return Readable.toWeb(this.doc as unknown as Readable) as ReadableStream<Uint8Array>;
  }

  private get width() {
    return this.doc.page.width - 2 * MARGIN;
  }

  private room(needed: number) {
    if (this.doc.y + needed > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  private artifact(draw: () => void) {
    this.doc.markContent("Artifact", { type: "Layout" });
    draw();
    this.doc.endMarkedContent();
  }
}
