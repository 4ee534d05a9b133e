// Patches to Ink's frame output, applied when esbuild bundles it (the CLI; the bench's in-process UI).
// Ink rebuilds every frame cell by cell: for each text node it measures the text (string-width, which
// segments graphemes as soon as a line holds a non-ASCII character such as … or ›), then fills a
// width × height grid of cell objects and turns each row back into a string. A key press that moves
// the cursor changes two rows of a 40-row list, yet paid for all 40: most of a 9 ms frame.
// 1. Output caches kept across frames (bounded) instead of one set per frame.
// 2. A row's text is cached by the writes that made it (position and text of each): an unchanged row
//    costs a lookup. Rows are built exactly as Ink builds them; only the reuse is new. A row holding
//    one write without escape codes is the written text itself (what Ink's cells add up to).
// 3. The width of a text node's text is cached by its text.
// The build fails if Ink's files no longer have what is patched (a new Ink version: re-check, then
// update the fingerprints here).
import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

const INK_OUTPUT = /[\\/]ink[\\/]build[\\/]output\.js$/;
const INK_RENDER_NODE = /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/;

const CACHE_LINE = '    caches = new OutputCaches();';
const CACHES_CLASS = 'class OutputCaches {';
const GET_START = '    get() {';
const SOURCE_MAP = '//# sourceMappingURL';
/** sha256 of Ink 6.8's Output.get(), from its first line to the end of the class. */
const GET_FINGERPRINT = '836b512fbfbec5dc288acf2974859e22878d5e802be598a060a34e98aeb99987';
const WIDTH_LINE = 'const currentWidth = widestLine(text);';

/** Bounds: a few screens' worth of rows and texts; past them a cache starts afresh. */
const SHARED_CACHES = `
function isPlainWrite(x, line, width) {
	return x >= 0 && x <= width && !line.includes('\\u001B') && !line.includes('\\u009B');
}
let sharedCaches;
function sharedOutputCaches() {
	if (!sharedCaches || sharedCaches.styledChars.size + sharedCaches.widths.size + sharedCaches.blockWidths.size > 20000) sharedCaches = new OutputCaches();
	return sharedCaches;
}
`;
const ROW_CACHE = `
    rows = new Map();
    getRow(width, writes, build) {
        const key = width + '\\u0001' + writes.join('\\u0000');
        let row = this.rows.get(key);
        if (row === undefined) {
            if (this.rows.size > 2000) this.rows.clear();
            row = build();
            this.rows.set(key, row);
        }
        return row;
    }`;
const PATCHED_GET = `    get() {
        // Patched (iamtui build): each row's text is kept by what was written on it, so a row that shows
        // the same writes as in an earlier frame costs a lookup instead of a cell-by-cell rebuild.
        const writes = [];
        for (let y = 0; y < this.height; y++) writes.push([]);
        const clips = [];
        for (const operation of this.operations) {
            if (operation.type === 'clip') {
                clips.push(operation.clip);
            }
            if (operation.type === 'unclip') {
                clips.pop();
            }
            if (operation.type === 'write') {
                const { text, transformers } = operation;
                let { x, y } = operation;
                let lines = text.split('\\n');
                const clip = clips.at(-1);
                if (clip) {
                    const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
                    const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
                    if (clipHorizontally) {
                        const width = this.caches.getWidestLine(text);
                        if (x + width < clip.x1 || x > clip.x2) {
                            continue;
                        }
                    }
                    if (clipVertically) {
                        const height = lines.length;
                        if (y + height < clip.y1 || y > clip.y2) {
                            continue;
                        }
                    }
                    if (clipHorizontally) {
                        lines = lines.map(line => {
                            const from = x < clip.x1 ? clip.x1 - x : 0;
                            const width = this.caches.getStringWidth(line);
                            const to = x + width > clip.x2 ? clip.x2 - x : width;
                            return sliceAnsi(line, from, to);
                        });
                        if (x < clip.x1) {
                            x = clip.x1;
                        }
                    }
                    if (clipVertically) {
                        const from = y < clip.y1 ? clip.y1 - y : 0;
                        const height = lines.length;
                        const to = y + height > clip.y2 ? clip.y2 - y : height;
                        lines = lines.slice(from, to);
                        if (y < clip.y1) {
                            y = clip.y1;
                        }
                    }
                }
                let offsetY = 0;
                for (let [index, line] of lines.entries()) {
                    const rowWrites = writes[y + offsetY];
                    if (!rowWrites) {
                        continue;
                    }
                    for (const transformer of transformers) {
                        line = transformer(line, index);
                    }
                    rowWrites.push(x, line);
                    offsetY++;
                }
            }
        }
        // A row with one unstyled write is that text where it was written: Ink's cells would give the same.
        const generatedOutput = writes
            .map(rowWrites => rowWrites.length === 2 && isPlainWrite(rowWrites[0], rowWrites[1], this.width)
            ? (' '.repeat(rowWrites[0]) + rowWrites[1]).trimEnd()
            : this.caches.getRow(this.width, rowWrites, () => this.buildRow(rowWrites)))
            .join('\\n');
        return {
            output: generatedOutput,
            height: writes.length,
        };
    }
    buildRow(rowWrites) {
        const currentLine = [];
        for (let x = 0; x < this.width; x++) {
            currentLine.push({ type: 'char', value: ' ', fullWidth: false, styles: [] });
        }
        for (let w = 0; w < rowWrites.length; w += 2) {
            const characters = this.caches.getStyledChars(rowWrites[w + 1]);
            let offsetX = rowWrites[w];
            for (const character of characters) {
                currentLine[offsetX] = character;
                const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));
                if (characterWidth > 1) {
                    for (let index = 1; index < characterWidth; index++) {
                        currentLine[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
                    }
                }
                offsetX += characterWidth;
            }
        }
        const lineWithoutEmptyItems = currentLine.filter(item => item !== undefined);
        return styledCharsToString(lineWithoutEmptyItems).trimEnd();
    }
}
`;
const WIDTH_CACHE = `
const textWidths = new Map();
const cachedWidestLine = text => {
    let width = textWidths.get(text);
    if (width === undefined) {
        if (textWidths.size > 5000) textWidths.clear();
        width = widestLine(text);
        textWidths.set(text, width);
    }
    return width;
};
`;

const fail = (file: string, what: string): never => {
	throw new Error(`${file}: ${what} changed (a new Ink?): re-check and update scripts/ink-patches.ts`);
};

/** Ink's output.js with the cross-frame caches and the row cache. */
export const patchInkOutput = (source: string, file = 'ink/build/output.js'): string => {
	const start = source.indexOf(GET_START);
	const end = source.indexOf(SOURCE_MAP);
	if (!source.includes(CACHE_LINE) || !source.includes(CACHES_CLASS) || start < 0 || end < start) fail(file, 'its layout');
	if (createHash('sha256').update(source.slice(start, end)).digest('hex') !== GET_FINGERPRINT) fail(file, 'Output.get()');
	const head = source.slice(0, start).replace(CACHE_LINE, '    caches = sharedOutputCaches();').replace(CACHES_CLASS, CACHES_CLASS + ROW_CACHE);
	return head + PATCHED_GET + source.slice(end) + SHARED_CACHES;
};

/** Ink's render-node-to-output.js with the text width cached. */
export const patchInkRenderNode = (source: string, file = 'ink/build/render-node-to-output.js'): string => {
	if (source.split(WIDTH_LINE).length !== 2) fail(file, 'the width measurement');
	return source.replace(WIDTH_LINE, 'const currentWidth = cachedWidestLine(text);') + WIDTH_CACHE;
};

export const inkPatches: Plugin = {
	name: 'ink-patches',
	setup(build) {
		build.onLoad({filter: INK_OUTPUT}, async args => ({contents: patchInkOutput(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
		build.onLoad({filter: INK_RENDER_NODE}, async args => ({contents: patchInkRenderNode(await readFile(args.path, 'utf8'), args.path), loader: 'js'}));
	},
};
