// The --help texts, rendered from the command and flag tables (cli/command-specs.ts, cli/flags.ts) and
// the exit codes (cli/exit-codes.ts): what help says is what the parser accepts.
import {COMMANDS, type CommandSpec} from './cli/command-specs.js';
import {EXIT_CODES} from './cli/exit-codes.js';
import {FLAGS, GLOBAL_FLAGS, flagUsage, type FlagKey} from './cli/flags.js';

/** Help lines stay within this many columns (a wide description wraps under itself). */
const WIDTH = 100;

/** `text` in lines of at most `width` characters, broken at spaces. */
const wrap = (text: string, width: number): string[] => {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	return [...lines, line];
};

/** Two columns: the left padded to the widest entry (capped, so a long one does not push all). */
const columns = (rows: ReadonlyArray<readonly [string, string]>, indent = '  '): string[] => {
	const width = Math.min(40, Math.max(0, ...rows.map(([left]) => left.length)));
	const margin = `${indent}${' '.repeat(width)}  `;
	return rows.flatMap(([left, right]) => {
		const [first = '', ...rest] = wrap(right, Math.max(30, WIDTH - margin.length));
		const head = left.length > width ? [`${indent}${left}`, `${margin}${first}`] : [`${indent}${left.padEnd(width)}  ${first}`];
		return [...head, ...rest.map(line => `${margin}${line}`)];
	});
};

const flagRows = (keys: readonly FlagKey[]) =>
	keys.map(key => {
		const spec = FLAGS[key];
		return [flagUsage(spec) + ('repeatable' in spec ? ' …' : ''), spec.description] as const;
	});

/** "can USER ACTION", "journal [resolve PLAN_ID]": the command and its arguments. */
const synopsis = (spec: CommandSpec): string => {
	const args = spec.args.map(a => a.name).join(' ');
	if (!args) return spec.name;
	return spec.args.every(a => a.optional) ? `${spec.name} [${args}]` : `${spec.name} ${args}`;
};

const exitCodeLines = (): string[] => columns(EXIT_CODES.map(({code, meaning}) => [String(code), meaning] as const));

/** What package.json says of iamtui. */
export interface About {
	version: string;
	description: string;
}

/** iamtui --help: every command in one line, the global flags, the exit codes. */
export const mainHelp = (about: About): string =>
	[
		`iamtui ${about.version} — ${about.description}`,
		'',
		'Usage',
		'  iamtui [FLAGS]                     the TUI (keys in the TUI: ? shows them all)',
		'  iamtui COMMAND [ARGS] [FLAGS]      a headless command, same account model as the TUI',
		'  iamtui COMMAND --help              one command: its arguments, flags and an example',
		'',
		'Commands',
		...columns([...COMMANDS.map(spec => [synopsis(spec), spec.summary] as const), ['help COMMAND', 'the same as iamtui COMMAND --help']]),
		'',
		'Global flags (before or after the command)',
		...columns([...flagRows(GLOBAL_FLAGS), ['-h, --help', 'this help'], ['-v, --version', 'the version of iamtui']]),
		'',
		'Exit codes',
		...exitCodeLines(),
		'',
	].join('\n');

/** iamtui COMMAND --help: usage, arguments, the command's flags, the global ones, an example. */
export const commandHelp = (spec: CommandSpec): string =>
	[
		`Usage: iamtui ${spec.name}${spec.usage ? ` ${spec.usage}` : ''}`,
		'',
		spec.summary,
		...(spec.details ?? []),
		...(spec.args.length > 0 ? ['', 'Arguments', ...columns(spec.args.map(a => [a.name, a.description] as const))] : []),
		...(spec.flags.length > 0 ? ['', 'Flags', ...columns(flagRows(spec.flags))] : []),
		'',
		'Global flags',
		...columns([...flagRows(GLOBAL_FLAGS), ['-h, --help', 'this help']]),
		'',
		'Example',
		`  ${spec.example}`,
		'',
		'Exit codes',
		...exitCodeLines(),
		'',
	].join('\n');
