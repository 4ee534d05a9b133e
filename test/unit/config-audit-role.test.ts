// The audit role the TUI opens an organization through, remembered in the config store: per profile, or
// for sessions without one (environment credentials, the demo); a malformed name is refused, not stored.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, expect, it} from 'vitest';
import {ConfigStore} from '../../source/store/config.js';

let folder: string | undefined;
const store = () => new ConfigStore({cwd: (folder = mkdtempSync(path.join(tmpdir(), 'iamtui-audit-role-'))), notice: () => {}});
afterEach(() => {
	if (folder) rmSync(folder, {recursive: true, force: true});
	folder = undefined;
});

it('remembers the audit role per profile and, without a profile, as a preference; other settings kept', () => {
	const config = store();
	config.saveProfile({name: 'mgmt', region: 'eu-west-1', readOnly: true});
	expect(config.auditRole('mgmt')).toBeUndefined();
	config.setAuditRole('mgmt', 'audit/IamtuiReadOnly');
	config.setAuditRole(undefined, 'DemoAudit');
	expect(config.auditRole('mgmt')).toBe('audit/IamtuiReadOnly');
	expect(config.profile('mgmt')).toMatchObject({region: 'eu-west-1', readOnly: true});
	expect(config.auditRole(undefined)).toBe('DemoAudit');
	expect(config.preferences().keyAgeDays).toBe(90);
	// Read fresh from the file: another store on the same folder sees it.
	expect(new ConfigStore({cwd: folder!}).auditRole('mgmt')).toBe('audit/IamtuiReadOnly');
});

it('refuses a name that is not a role name, and stores nothing', () => {
	const config = store();
	const before = readFileSync(config.path, 'utf8');
	expect(() => config.setAuditRole('mgmt', 'bad role name')).toThrow(/not saved: .*audit role is a role name/);
	expect(() => config.setAuditRole(undefined, 'x'.repeat(65))).toThrow(/not saved/);
	expect(readFileSync(config.path, 'utf8')).toBe(before);
});
