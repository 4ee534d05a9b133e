// JSON text typed or loaded by the operator: parse it, and when it breaks say where (line, column,
// the text around the spot), because "Unexpected token" alone does not help anyone fix a file.

export type JsonParse = {ok: true; value: unknown} | {ok: false; message: string};

const lineAndColumn = (text: string, offset: number): {line: number; column: number} => {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = offset - (before.lastIndexOf('\n') + 1) + 1;
	return {line, column};
};

// The broken spot within its line: the text just before it, a marker, the text from it on.
const around = (text: string, offset: number): string => {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	const lineEnd = text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset);
	const before = text.slice(Math.max(lineStart, offset - 20), offset).trimStart();
	const after = text.slice(offset, Math.min(lineEnd, offset + 10)).trimEnd();
	return ` (here: ${before}▸${after})`;
};

/** Parse JSON text; on failure the message says what broke and where. A leading BOM is ignored. */
export const parseJsonText = (text: string): JsonParse => {
	const source = text.replace(/^\uFEFF/, '');
	if (source.trim() === '') return {ok: false, message: 'The text is empty: expected a JSON object.'};
	try {
		return {ok: true, value: JSON.parse(source) as unknown};
	} catch (error) {
		const raw = error instanceof Error ? error.message : String(error);
		const end = /Unexpected end of JSON input/.test(raw);
		const position = /at position (\d+)/.exec(raw);
		const offset = position ? Number(position[1]) : end ? source.length : undefined;
		const reason = end
			? 'the text ends before the JSON is complete (a missing "}", "]" or closing quote?)'
			: raw.replace(/ in JSON at position \d+.*$/s, '');
		if (offset === undefined) return {ok: false, message: `Not valid JSON: ${reason}.`};
		const {line, column} = lineAndColumn(source, offset);
		return {ok: false, message: `Not valid JSON at line ${line}, column ${column}: ${reason}${end ? '' : around(source, offset)}.`};
	}
};
