import {describe, expect, it} from 'vitest';
import {filterPolicyChoices, type PolicyChoice} from '../../source/ui/screens/attachable-policies.js';

const aws = (name: string): PolicyChoice => ({name, arn: `arn:aws:iam::aws:policy/${name}`, type: 'AWS', detail: 'AWS managed'});

// Alphabetical, as the picker lists them: ReadOnlyAccess sorts after 180-odd other *ReadOnlyAccess names.
const rows = ['AmazonEC2ReadOnlyAccess', 'IAMReadOnlyAccess', 'ReadOnlyAccessAudit', 'ReadOnlyAccess', 'ViewOnlyAccess'].map(aws);

describe('filterPolicyChoices', () => {
	it('puts the exact name first, then names starting with the text, then the rest in list order', () => {
		expect(filterPolicyChoices(rows, 'readonlyaccess').map(r => r.name)).toEqual([
			'ReadOnlyAccess',
			'ReadOnlyAccessAudit',
			'AmazonEC2ReadOnlyAccess',
			'IAMReadOnlyAccess',
		]);
	});

	it('keeps the list as it is without a query, and matches the detail too', () => {
		expect(filterPolicyChoices(rows, '  ')).toBe(rows);
		expect(filterPolicyChoices([...rows, {...aws('Custom'), type: 'customer', detail: 'read only tools'}], 'only tools').map(r => r.name)).toEqual(['Custom']);
	});
});
