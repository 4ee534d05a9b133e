// The request context Explain assumes (`c` on the Access view): one line of KEY=VALUE entries, parsed as
// `can --context` parses them (typed by each key's documented type). An error stays inline, with close key
// names, and the field stays open to fix it; an empty line clears the context.
import {Box} from 'ink';
import {useState} from 'react';
import {parseContext, type RequestContext} from '../../model/access/request-context.js';
import {TextField} from '../components/TextField.js';
import {ToneText} from '../components/ToneText.js';
import {useFooterScope} from '../state/footer-scope.js';
import {truncate} from '../components/text.js';
import {FieldRow, labelColumn} from './form-fields.js';

export interface AppliedContext {
	/** As the operator typed it, e.g. "aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1". */
	text: string;
	context: RequestContext;
}

const LABEL = 'request context';

/** The command line's wording ("--context X") read as the field's ("X"). */
const fieldWording = (message: string) => message.replace(/--context /g, '');

export function ContextField(props: {initial: string; active: boolean; width: number; onApply: (applied: AppliedContext) => void; onCancel: () => void}) {
	const [text, setText] = useState(props.initial);
	const [error, setError] = useState<string | undefined>();
	const [checking, setChecking] = useState(false);
	const submit = (value: string) => {
		const entries = value.split(/\s+/).filter(Boolean);
		setChecking(true);
		void parseContext(entries).then(parsed => {
			setChecking(false);
			if (!parsed.ok) setError(fieldWording(parsed.suggestions.length > 0 ? `${parsed.message} — did you mean ${parsed.suggestions.join(', ')}?` : parsed.message));
			else props.onApply({text: entries.join(' '), context: parsed.context});
		});
	};
	useFooterScope('field', props.active);
	const width = Math.max(1, props.width);
	return (
		<Box flexDirection="column">
			<FieldRow label={LABEL} labelWidth={labelColumn([LABEL], width)} active={props.active}>
				<TextField
					value={text}
					onChange={value => {
						setText(value);
						setError(undefined);
					}}
					onSubmit={submit}
					onCancel={props.onCancel}
					focused={props.active && !checking}
					placeholder="KEY=VALUE … e.g. aws:MultiFactorAuthPresent=true aws:SourceIp=10.0.0.1"
				/>
			</FieldRow>
			{error ? (
				<ToneText tone="error" wrap="truncate-end">{truncate(error, width)}</ToneText>
			) : (
				<ToneText tone="muted" wrap="truncate-end">{truncate('  enter applies (empty clears) · esc cancels', width)}</ToneText>
			)}
		</Box>
	);
}
