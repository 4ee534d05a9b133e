// `iamtui completion bash|zsh|fish`: a completion script generated from the command and flag tables,
// so it offers exactly the commands and, after a command, exactly the flags the parser accepts.
import {COMMANDS, type CommandSpec} from './command-specs.js';
import {EXIT_OK, EXIT_USAGE} from './exit-codes.js';
import {FLAGS, GLOBAL_FLAGS, type FlagKey} from './flags.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
type Shell = (typeof SHELLS)[number];

const long = (key: FlagKey): string => `--${FLAGS[key].name}`;
const takesValue = (key: FlagKey): boolean => 'value' in FLAGS[key];
/** Flags whose value is a file or folder: the shells complete paths after them. */
const PATH_VALUES: readonly FlagKey[] = ['fromFile', 'configDir', 'saveCsv', 'template', 'file'];
const ALL_KEYS = Object.keys(FLAGS) as FlagKey[];
const names = COMMANDS.map(spec => spec.name);
const commandFlags = (spec: CommandSpec): string[] => [...spec.flags, ...GLOBAL_FLAGS].map(long).concat('--help');
/** In single quotes, for bash, zsh and fish alike. */
const quote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

const bash = (): string => {
	const cases = COMMANDS.map(spec => `\t\t${spec.name}) flags=${quote(commandFlags(spec).join(' '))} ;;`);
	return `# iamtui completion for bash: source <(iamtui completion bash)
_iamtui() {
	local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" flags i
	# The command is the first word that is one; a flag's value is skipped on the way.
	for ((i = 1; i < COMP_CWORD; i++)); do
		case "\${COMP_WORDS[i]}" in
			${ALL_KEYS.filter(takesValue).map(long).join('|')}) ((i++)) ;;
			${names.join('|')}|help) cmd="\${COMP_WORDS[i]}"; break ;;
		esac
	done
	case "$prev" in
		${PATH_VALUES.map(long).join('|')}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
		--if-save-fails) COMPREPLY=($(compgen -W 'delete show' -- "$cur")); return ;;
		${ALL_KEYS.filter(key => takesValue(key) && !PATH_VALUES.includes(key) && key !== 'ifSaveFails').map(long).join('|')}) return ;;
	esac
	case "$cmd" in
		'') flags=${quote([...GLOBAL_FLAGS.map(long), '--help', '--version'].join(' '))}
			if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur")); else COMPREPLY=($(compgen -W ${quote([...names, 'help'].join(' '))} -- "$cur")); fi
			return ;;
		help) COMPREPLY=($(compgen -W ${quote(names.join(' '))} -- "$cur")); return ;;
${cases.join('\n')}
	esac
	if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$flags" -- "$cur"))
	elif [[ "$cmd" == completion ]]; then COMPREPLY=($(compgen -W 'bash zsh fish' -- "$cur"))
	else COMPREPLY=($(compgen -f -- "$cur")); fi
}
complete -o filenames -F _iamtui iamtui
`;
};

const zsh = (): string => {
	const described = COMMANDS.map(spec => `\t\t${quote(`${spec.name}:${spec.summary}`)}`);
	const cases = COMMANDS.map(spec => `\t\t(${spec.name}) flags=(${commandFlags(spec).join(' ')}) ;;`);
	return `#compdef iamtui
# iamtui completion for zsh: source <(iamtui completion zsh), or save it as _iamtui in your $fpath
_iamtui() {
	local -a commands flags
	commands=(
${described.join('\n')}
		'help:the help of a command'
	)
	local cmd='' i
	for (( i = 2; i < CURRENT; i++ )); do
		case \${words[i]} in
			(${ALL_KEYS.filter(takesValue).map(long).join('|')}) (( i++ )) ;;
			(${names.join('|')}|help) cmd=\${words[i]}; break ;;
		esac
	done
	case \${words[CURRENT-1]} in
		(${PATH_VALUES.map(long).join('|')}) _files; return ;;
		(--if-save-fails) compadd delete show; return ;;
	esac
	case $cmd in
		('') if [[ $PREFIX == -* ]]; then compadd -- ${[...GLOBAL_FLAGS.map(long), '--help', '--version'].join(' ')}; else _describe -t commands 'iamtui command' commands; fi
			return ;;
		(help) _describe -t commands 'iamtui command' commands; return ;;
${cases.join('\n')}
	esac
	if [[ $PREFIX == -* ]]; then compadd -- $flags
	elif [[ $cmd == completion ]]; then compadd bash zsh fish
	else _files; fi
}
if [[ \${zsh_eval_context[-1]} == loadautofunc ]]; then _iamtui "$@"; else compdef _iamtui iamtui; fi
`;
};

const fishFlag = (key: FlagKey, condition?: string): string => {
	const spec = FLAGS[key];
	const value = 'value' in spec ? (PATH_VALUES.includes(key) ? ' -r -F' : key === 'ifSaveFails' ? " -x -a 'delete show'" : ' -x') : '';
	return `complete -c iamtui${condition ? ` -n ${quote(condition)}` : ''} -l ${spec.name}${value} -d ${quote(spec.description)}`;
};

const fish = (): string =>
	[
		'# iamtui completion for fish: iamtui completion fish | source',
		'complete -c iamtui -f',
		...COMMANDS.map(spec => `complete -c iamtui -n '__fish_use_subcommand' -a ${spec.name} -d ${quote(spec.summary)}`),
		"complete -c iamtui -n '__fish_use_subcommand' -a help -d 'the help of a command'",
		`complete -c iamtui -n '__fish_seen_subcommand_from help' -a ${quote(names.join(' '))}`,
		"complete -c iamtui -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'",
		...GLOBAL_FLAGS.map(key => fishFlag(key)),
		"complete -c iamtui -s h -l help -d 'the help'",
		"complete -c iamtui -n '__fish_use_subcommand' -s v -l version -d 'the version of iamtui'",
		...COMMANDS.flatMap(spec => spec.flags.map(key => fishFlag(key, `__fish_seen_subcommand_from ${spec.name}`))),
		'',
	].join('\n');

const SCRIPTS: Record<Shell, () => string> = {bash, zsh, fish};

export const completionScript = (shell: Shell): string => SCRIPTS[shell]();

/** The completion command: the script on stdout, or a usage error naming the shells. */
export const completionCommand = (args: readonly string[]): {text: string; exitCode: number} => {
	const shell = SHELLS.find(name => name === args[0]);
	if (!shell) {
		const given = args[0] === undefined ? 'completion needs a shell' : `no completion for "${args[0]}"`;
		return {text: `iamtui: ${given} — use iamtui completion bash, zsh or fish (see iamtui completion --help)`, exitCode: EXIT_USAGE};
	}
	return {text: completionScript(shell), exitCode: EXIT_OK};
};
