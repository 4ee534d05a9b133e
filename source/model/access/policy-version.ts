// Policy variables exist only in the 2012-10-17 policy language. In a document whose Version is
// 2008-10-17, or that names no Version (IAM then reads it as 2008-10-17), "${aws:username}" is literal
// text. The simulator substitutes variables whatever the Version, so before such a document reaches it
// every "${" in a Resource, NotResource or condition value is written as "${$}{" — IAM's own escape
// for a literal "$" — and the simulator then matches the text as written. Wildcards (* and ?) keep
// their meaning in both versions.

const VARIABLES_VERSION = '2012-10-17';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const escapeText = (text: string): string => text.replaceAll('${', '${$}{');

const escapeValues = (value: unknown): unknown => {
	if (typeof value === 'string') return escapeText(value);
	if (Array.isArray(value)) return value.map(v => (typeof v === 'string' ? escapeText(v) : v));
	return value;
};

const escapeStatement = (statement: unknown): unknown => {
	if (!isRecord(statement)) return statement;
	const copy: Record<string, unknown> = {...statement};
	for (const field of ['Resource', 'NotResource']) if (field in copy) copy[field] = escapeValues(copy[field]);
	const condition = copy['Condition'];
	if (isRecord(condition)) {
		copy['Condition'] = Object.fromEntries(
			Object.entries(condition).map(([operator, keys]) => [
				operator,
				isRecord(keys) ? Object.fromEntries(Object.entries(keys).map(([key, values]) => [key, escapeValues(values)])) : keys,
			]),
		);
	}
	return copy;
};

/** Whether the document's language has policy variables (only Version "2012-10-17" does). */
export const hasPolicyVariables = (document: unknown): boolean => isRecord(document) && document['Version'] === VARIABLES_VERSION;

/** The document as the simulator must see it: unchanged for 2012-10-17, variables made literal otherwise. */
export const withLiteralVariables = (document: unknown): unknown => {
	if (!isRecord(document) || hasPolicyVariables(document) || !JSON.stringify(document).includes('${')) return document;
	const statements = document['Statement'];
	return {...document, Statement: Array.isArray(statements) ? statements.map(escapeStatement) : escapeStatement(statements)};
};

/** Text from the simulator (a condition value, a resource pattern) shown as the policy wrote it. */
export const asWritten = (text: string): string => text.replaceAll('${$}{', '${');
