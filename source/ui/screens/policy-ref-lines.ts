// The "Managed policies" and "Inline policies" sections a group or a role shows: enter opens the policy,
// `value`/`section` let the screen's own commands (detach, delete) act on the selected line.
import type {AttachedPolicyRef, InlinePolicy} from '../../model/snapshot.js';
import {heading, note, type DetailLine} from '../components/DetailList.js';
import type {Route} from '../hooks/routes.js';

const orNone = (lines: DetailLine[], key: string): DetailLine[] => (lines.length > 0 ? lines : [note(`${key}-none`, 'none')]);

export const policyRefLines = (
	owner: {kind: 'group' | 'role'; name: string; attachedPolicies: AttachedPolicyRef[]; inlinePolicies: InlinePolicy[]},
	onOpen: (route: Route) => void,
): DetailLine[] => [
	heading('attached', `Managed policies (${owner.attachedPolicies.length})`),
	...orNone(
		owner.attachedPolicies.map(p => ({
			key: `attached-${p.arn}`,
			text: `${p.name}  ${p.arn}`,
			value: p.arn,
			section: 'attached',
			open: () => onOpen({screen: 'policy', arn: p.arn}),
		})),
		'attached',
	),
	heading('inline', `Inline policies (${owner.inlinePolicies.length})`),
	...orNone(
		owner.inlinePolicies.map(p => ({
			key: `inline-${p.name}`,
			text: p.name,
			value: p.name,
			section: 'inline',
			open: () => onOpen({screen: 'inline-policy', owner: owner.kind, ownerName: owner.name, policyName: p.name}),
		})),
		'inline',
	),
];
