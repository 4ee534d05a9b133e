// The audit role (`a` on :accounts): the role assumed in each member account, typed on one line. enter
// remembers it for the profile and opens the organization again; a name the store refuses stays in the
// field with the reason; empty means AWS's default, OrganizationAccountAccessRole.
import {describeError} from '../../model/errors.js';
import {DEFAULT_AUDIT_ROLE} from '../../model/org/org-load.js';
import {LineField} from '../components/LineField.js';

export function AuditRoleField(props: {initial: string; active: boolean; width: number; onApply: (role: string) => void; onCancel: () => void}) {
	const submit = (value: string) => {
		try {
			props.onApply(value.trim() || DEFAULT_AUDIT_ROLE);
			return undefined;
		} catch (failure) {
			return describeError(failure);
		}
	};
	return (
		<LineField
			label="audit role"
			initial={props.initial}
			placeholder={DEFAULT_AUDIT_ROLE}
			hint="  a role name (or path/name) in every member account · enter opens again with it · esc cancels"
			active={props.active}
			width={props.width}
			submit={submit}
			onCancel={props.onCancel}
		/>
	);
}
