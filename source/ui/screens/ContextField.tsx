// The request context a screen's answers assume (`c` on the Access view for Explain, on Who-can): one line of
// KEY=VALUE entries, parsed as `can --context` parses them (typed by each key's documented type). An error stays
// inline, with close key names, and the field stays open to fix it; an empty line clears the context.
import {useMemo, useState, type ReactNode} from 'react';
import {withContext, type AccessModel} from '../../model/access.js';
import {parseContext, type RequestContext} from '../../model/access/request-context.js';
import {sanitize} from '../../model/sanitize.js';
import {LineField} from '../components/LineField.js';
import {ToneText} from '../components/ToneText.js';

export interface AppliedContext {
	/** As the operator typed it, e.g. "aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1". */
	text: string;
	context: RequestContext;
}

const LABEL = 'request context';

/** The command line's wording ("--context X") read as the field's ("X"). */
const fieldWording = (message: string) => message.replace(/--context /g, '');

export function ContextField(props: {initial: string; active: boolean; width: number; onApply: (applied: AppliedContext) => void; onCancel: () => void}) {
	const submit = async (value: string) => {
		const entries = value.split(/\s+/).filter(Boolean);
		const parsed = await parseContext(entries);
		if (!parsed.ok) return fieldWording(parsed.suggestions.length > 0 ? `${parsed.message} — did you mean ${parsed.suggestions.join(', ')}?` : parsed.message);
		props.onApply({text: entries.join(' '), context: parsed.context});
		return undefined;
	};
	return (
		<LineField
			label={LABEL}
			initial={props.initial}
			placeholder="KEY=VALUE … e.g. aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1"
			hint="  enter applies (empty clears) · esc cancels"
			active={props.active}
			width={props.width}
			submit={submit}
			onCancel={props.onCancel}
		/>
	);
}

const NO_CONTEXT: AppliedContext = {text: '', context: {}};

export interface RequestContextState {
	/** The screen's model assuming the context (sharing all the context does not change), or the model itself without one. */
	model: AccessModel;
	applied: AppliedContext;
	editing: boolean;
	edit: () => void;
	/** Lines the field or the applied context's line take. */
	height: number;
	/** The field while editing, else the applied context's line (`why`: what assumes it), else nothing. */
	bar: (props: {active: boolean; width: number; why: string}) => ReactNode;
}

export const useRequestContext = (model: AccessModel): RequestContextState => {
	const [editing, setEditing] = useState(false);
	const [applied, setApplied] = useState<AppliedContext>(NO_CONTEXT);
	const assuming = useMemo(() => (applied.text ? withContext(model, applied.context) : model), [model, applied]);
	const bar = ({active, width, why}: {active: boolean; width: number; why: string}) =>
		editing ? (
			<ContextField
				initial={applied.text}
				active={active}
				width={width}
				onApply={next => {
					setApplied(next);
					setEditing(false);
				}}
				onCancel={() => setEditing(false)}
			/>
		) : applied.text ? (
			<ToneText tone="accent" wrap="truncate-end">
				{sanitize(`request context: ${applied.text} (c changes it${why ? `; ${why}` : ''})`)}
			</ToneText>
		) : null;
	return {model: assuming, applied, editing, edit: () => setEditing(true), height: editing ? 2 : applied.text ? 1 : 0, bar};
};
