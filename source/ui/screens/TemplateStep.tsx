// The wizard's first step: choose a policy template (its description, source and notes shown under the
// list), or press f and type the path of a JSON file (a template or a bare policy document).
import {Box, Text} from 'ink';
import {useState} from 'react';
import {describeError} from '../../model/errors.js';
import {sanitize} from '../../model/sanitize.js';
import type {PolicyTemplate} from '../../model/templates.js';
import {FilterBar} from '../components/FilterBar.js';
import {Table, type Column} from '../components/Table.js';
import {TextField} from '../components/TextField.js';
import {movementHandlers} from '../components/list-window.js';
import {useListCursor} from '../components/use-list-cursor.js';
import {truncate, wrapText} from '../components/text.js';
import {useCommands} from '../hooks/keyboard.js';
import {FieldRow, labelColumn} from './form-fields.js';
import {ToneText} from '../components/ToneText.js';

const columns: Array<Column<PolicyTemplate>> = [
	{id: 'id', header: 'TEMPLATE', width: 22, cell: t => t.id},
	{id: 'title', header: 'TITLE', width: 20, grow: true, cell: t => t.title},
	{id: 'parameters', header: 'PARAMETERS', width: 12, dropOrder: 1, cell: t => t.parameters.map(p => p.name).join(', ')},
];

/** Rows the selected template's details take at this width: margin, title, description, source, notes, hint. */
const detailRows = (t: PolicyTemplate, width: number): number => {
	// Measured a little narrower than drawn, so a word Ink wraps differently never costs the hint its row.
	const rows = (text: string) => wrapText(sanitize(text), Math.max(1, width - 2)).length;
	return 2 + rows(t.description) + 1 + t.notes.reduce((sum, note) => sum + rows(`note: ${note}`), 0) + 1;
};

/** A path typed without a folder or .json would be taken for a template id: make it a path. */
const asPath = (typed: string): string => (/[\\/]/.test(typed) || /\.json$/i.test(typed) ? typed : `./${typed}`);

export function TemplateStep(props: {
	title: string;
	templates: PolicyTemplate[] | undefined;
	listError?: unknown;
	onChoose: (template: PolicyTemplate) => void;
	/** Reads a template or policy file; rejects with what is wrong (where the JSON breaks). */
	load: (path: string) => Promise<PolicyTemplate>;
	onCancel: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const [query, setQuery] = useState('');
	const [filtering, setFiltering] = useState(false);
	const needle = query.trim().toLowerCase();
	const templates = (props.templates ?? []).filter(t => !needle || [t.id, t.title, t.description].some(text => text.toLowerCase().includes(needle)));
	const [typing, setTyping] = useState(false);
	const [path, setPath] = useState('');
	const [loading, setLoading] = useState(false);
	const [fileError, setFileError] = useState<string | undefined>();
	// Room under the list for the details of the longest template (the layout stays put as the cursor moves):
	// the list shrinks, down to 3 rows, before its notes and the key hint are cut.
	const details = Math.max(0, ...templates.map(t => detailRows(t, props.width)));
	const listHeight = Math.max(3, Math.min(templates.length, props.height - 2 - (filtering || query ? 1 : 0) - details));
	const list = useListCursor(templates.length, listHeight);
	const selected = templates[list.cursor];
	useCommands(
		'write-wizard',
		{
			...movementHandlers(list.move),
			choose: () => selected && props.onChoose(selected),
			filter: () => setFiltering(true),
			'from-file': () => {
				setTyping(true);
				setFileError(undefined);
			},
			back: () => (query ? setQuery('') : props.onCancel()),
		},
		props.focused && !typing && !filtering,
	);
	const loadFile = (typed: string) => {
		if (!typed.trim() || loading) return;
		setLoading(true);
		setFileError(undefined);
		props.load(asPath(typed.trim())).then(
			template => {
				setLoading(false);
				props.onChoose(template);
			},
			(error: unknown) => {
				setLoading(false);
				setFileError(describeError(error));
			},
		);
	};
	const line = (text: string) => truncate(sanitize(text), Math.max(1, props.width - 2));
	// Long descriptions and notes are cut at the bottom rather than pushing the footer away.
	return (
		<Box flexDirection="column" height={props.height} overflow="hidden">
			<Text bold wrap="truncate-end">
				{line(props.title)}
			</Text>
			{props.listError ? <ToneText tone="error" wrap="wrap">{`Templates could not be read: ${sanitize(describeError(props.listError))}`}</ToneText> : null}
			{!props.templates && !props.listError ? <ToneText tone="muted">Reading the templates…</ToneText> : null}
			{filtering || query ? (
				<FilterBar
					value={query}
					editing={filtering && props.focused}
					matches={templates.length}
					total={props.templates?.length ?? 0}
					onChange={value => {
						setQuery(value);
						list.set(0);
					}}
					onDone={() => setFiltering(false)}
					onClear={() => {
						setQuery('');
						setFiltering(false);
					}}
				/>
			) : null}
			{props.templates ? (
				<Table columns={columns} rows={templates} rowKey={t => t.id} cursor={list.cursor} top={list.top} height={listHeight} width={props.width} focused={props.focused && !typing} emptyText="No templates." />
			) : null}
			{typing ? (
				<Box flexDirection="column" marginTop={1}>
					<FieldRow label="JSON file" labelWidth={labelColumn(['JSON file'], props.width)} active>
						<TextField
							value={path}
							onChange={value => {
								setPath(value);
								setFileError(undefined);
							}}
							onSubmit={loadFile}
							onCancel={() => setTyping(false)}
							focused={props.focused && !loading}
							placeholder="path to a template or a policy document, e.g. ./policy.json"
						/>
					</FieldRow>
					{loading ? <ToneText tone="muted">Reading {sanitize(path)}…</ToneText> : null}
					{fileError ? <ToneText tone="error" wrap="wrap">{sanitize(fileError)}</ToneText> : null}
					<ToneText tone="muted">enter reads the file · esc back to the templates</ToneText>
				</Box>
			) : selected ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold wrap="truncate-end">{line(selected.title)}</Text>
					<Text wrap="wrap">{sanitize(selected.description)}</Text>
					<ToneText tone="muted" wrap="truncate-end">{line(`source: ${selected.source}`)}</ToneText>
					{selected.notes.map((note, n) => (
						<ToneText key={n} tone="warning" wrap="wrap">{`note: ${sanitize(note)}`}</ToneText>
					))}
					<ToneText tone="muted">enter chooses · / filters · f reads a JSON file instead · esc cancels</ToneText>
				</Box>
			) : null}
		</Box>
	);
}
