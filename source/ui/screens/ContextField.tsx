// The request context Explain assumes (`c` on the Access view): one line of KEY=VALUE entries, parsed as
// `can --context` parses them (typed by each key's documented type). An error stays inline, with close key
// names, and the field stays open to fix it; an empty line clears the context.
import {parseContext, type RequestContext} from '../../model/access/request-context.js';
import {LineField} from '../components/LineField.js';

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
