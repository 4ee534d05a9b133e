// A user's (or a role's) effective access: allowed actions by service, each unfolding to its grant paths and the
// denies that cut into it; the admin-equivalent badge; `e` asks "can USER (or ROLE) do ACTION?" (Explain).
import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {assumableRoles, effectiveAccess, type AccessModel} from '../../model/access.js';
import {principalNamed} from '../../model/access/roles.js';
import {sanitize} from '../../model/sanitize.js';
import {FilterBar} from '../components/FilterBar.js';
import {DetailList} from '../components/DetailList.js';
import {TitleLine} from '../components/TitleLine.js';
import {ToneText} from '../components/ToneText.js';
import {useCommands} from '../hooks/keyboard.js';
import {accessLines} from './access-lines.js';
import {errorText} from './access-text.js';
import {useRequestContext} from './ContextField.js';
import {ExplainSlot} from './ExplainPanel.js';

export const ADMIN_BADGE = 'ADMIN-EQUIVALENT';

const EXPLAIN_HEIGHT = 9;

/** The services a `/` filter keeps: those whose name holds the text. */
const matching = <S extends {service: string}>(services: S[], query: string): S[] =>
	services.filter(s => s.service.toLowerCase().includes(query.toLowerCase()));

export function AccessScreen(props: {
	model: AccessModel;
	name: string;
	/** A user's (from the User screen), or a role's (from the Role screen). */
	kind?: 'user' | 'role';
	onBack: () => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {model, name} = props;
	const kind = props.kind ?? 'user';
	// Read from the statements (no simulator): instant, and computed once per principal and snapshot.
	const access = useMemo(() => effectiveAccess(model, name, kind), [model, name, kind]);
	const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
	// Explain: closed, its question being typed, or its answer shown (the list and r have the keys then).
	const [explain, setExplain] = useState<'closed' | 'editing' | 'shown'>('closed');
	const explaining = explain !== 'closed';
	// `c`: the request context Explain assumes; the model is rebuilt with it (answers are memoised per context).
	const requestContext = useRequestContext(model);
	const {model: explainModel, editing: editingContext} = requestContext;
	// `/`: only the services whose name holds the text (arrows still move while it is typed).
	const [query, setQuery] = useState('');
	const [filtering, setFiltering] = useState(false);
	const onBack = () => (explain === 'shown' ? setExplain('closed') : query ? setQuery('') : props.onBack());
	useCommands(
		'access',
		{explain: () => setExplain('editing'), 'request-context': requestContext.edit, filter: () => setFiltering(true)},
		props.focused && explain !== 'editing' && !editingContext && !filtering,
	);
	// The roles this user (or role) may assume, directly or chained: their grants are its too (Explain shows them).
	const [mayAssume, setMayAssume] = useState<string | undefined>();
	useEffect(() => {
		let current = true;
		// A new snapshot: the roles are looked up again (none shown until then, never the old answer).
		setMayAssume(undefined);
		const principal = principalNamed(model, kind, name);
		if (!principal) return;
		assumableRoles(model, principal).then(
			found => current && setMayAssume(found.length === 0 ? undefined : found.map(r => `${r.role.name}${r.steps.some(s => s.decision === 'Conditional') ? ' (Conditional)' : ''}`).join(', ')),
			() => undefined,
		);
		return () => {
			current = false;
		};
	}, [model, name, kind]);

	const lines = useMemo(
		() =>
			access.ok
				? accessLines(query ? {...access, services: matching(access.services, query)} : access, expanded, service =>
						setExpanded(current => {
							const next = new Set(current);
							if (!next.delete(service)) next.add(service);
							return next;
						}),
					)
				: [],
		[access, expanded, query],
	);

	const title = (
		<TitleLine text={`Access of ${kind === 'role' ? 'role ' : ''}${sanitize(name)}`}>
			{access.ok && access.adminEquivalent ? <ToneText tone="danger">{`  ${ADMIN_BADGE}`}</ToneText> : null}
		</TitleLine>
	);
	if (!access.ok)
		return (
			<Box flexDirection="column">
				{title}
				<ToneText tone="error">{errorText(access)}</ToneText>
				<DetailList scope="access" lines={[]} height={1} width={props.width} focused={props.focused} onBack={props.onBack} />
			</Box>
		);
	const panel = explaining ? Math.min(EXPLAIN_HEIGHT, Math.max(4, props.height - 4)) : 0;
	const rolesLine = mayAssume ? 1 : 0;
	const contextLines = requestContext.height;
	return (
		<Box flexDirection="column">
			{title}
			{mayAssume ? <ToneText tone="warning" wrap="truncate-end">{sanitize(`may assume roles: ${mayAssume} (e asks what they allow)`)}</ToneText> : null}
			{requestContext.bar({active: props.focused, width: props.width, why: 'Explain assumes it'})}
			{filtering || query ? (
				<FilterBar
					value={query}
					editing={filtering && props.focused}
					matches={matching(access.services, query).length}
					total={access.services.length}
					onChange={setQuery}
					onDone={() => setFiltering(false)}
					onClear={() => {
						setQuery('');
						setFiltering(false);
					}}
				/>
			) : null}
			{explaining ? (
				<ExplainSlot
					model={explainModel}
					principal={{kind, name}}
					active={props.focused && explain === 'editing' && !editingContext}
					width={props.width}
					height={panel}
					onAsked={() => setExplain('shown')}
					onLeave={answered => setExplain(answered ? 'shown' : 'closed')}
				/>
			) : null}
			<DetailList
				scope="access"
				lines={lines}
				position
				height={props.height - 1 - rolesLine - contextLines - panel - (filtering || query ? 1 : 0)}
				width={props.width}
				focused={props.focused && explain !== 'editing' && !editingContext}
				onBack={onBack}
			/>
		</Box>
	);
}
