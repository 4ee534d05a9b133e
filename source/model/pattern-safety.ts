// Template parameter patterns come from files anyone can hand the operator. A backtracking regex such
// as (a+)+$ takes exponential time on a crafted value and would hang the CLI or the TUI, so a
// pattern is refused when a group that repeats without bound itself repeats or alternates inside.
// Conservative by design: a refused pattern can always be written without the nesting.

interface Group {
	/** Holds a quantifier that can repeat (max > 1) or an alternation. */
	ambiguous: boolean;
}

/** The quantifier at `at`, if any: its length and whether it repeats without bound / more than once. */
const quantifierAt = (pattern: string, at: number): {length: number; unbounded: boolean; repeats: boolean} | undefined => {
	const char = pattern[at];
	if (char === '*' || char === '+') return {length: pattern[at + 1] === '?' ? 2 : 1, unbounded: true, repeats: true};
	if (char === '?') return {length: pattern[at + 1] === '?' ? 2 : 1, unbounded: false, repeats: false};
	if (char !== '{') return undefined;
	const bounds = /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(at));
	if (!bounds) return undefined;
	const max = bounds[2] === undefined ? Number(bounds[1]) : bounds[3] === '' ? Infinity : Number(bounds[3]);
	return {length: bounds[0].length, unbounded: max === Infinity, repeats: max > 1};
};

/** Why `pattern` may backtrack catastrophically, or undefined when it cannot in this way. */
export const unsafePatternReason = (pattern: string): string | undefined => {
	const stack: Group[] = [{ambiguous: false}];
	for (let at = 0; at < pattern.length; at++) {
		const char = pattern[at];
		if (char === '\\') {
			at++;
			continue;
		}
		if (char === '[') {
			// A character class: skip to its closing bracket (a leading ] or an escaped one is literal).
			at++;
			if (pattern[at] === '^') at++;
			if (pattern[at] === ']') at++;
			while (at < pattern.length && pattern[at] !== ']') at += pattern[at] === '\\' ? 2 : 1;
			continue;
		}
		if (char === '(') {
			stack.push({ambiguous: false});
			continue;
		}
		if (char === '|') {
			stack[stack.length - 1]!.ambiguous = true;
			continue;
		}
		if (char === ')') {
			const group = stack.length > 1 ? stack.pop()! : {ambiguous: false};
			const quantifier = quantifierAt(pattern, at + 1);
			if (quantifier?.unbounded && group.ambiguous) return 'a repeated group that itself repeats or alternates';
			const parent = stack[stack.length - 1]!;
			parent.ambiguous ||= group.ambiguous || Boolean(quantifier?.repeats);
			if (quantifier) at += quantifier.length;
			continue;
		}
		const quantifier = quantifierAt(pattern, at);
		if (quantifier?.repeats) stack[stack.length - 1]!.ambiguous = true;
		if (quantifier) at += quantifier.length - 1;
	}
	return undefined;
};
