// Profiles: the ones iamtui stored plus those in ~/.aws/config. Enter switches (the account reloads),
// `a` adds one, `d` removes a stored one after a confirmation. `w` stores a profile read-only at once, or
// — asked first, since writes then reach the account — writable again; it never lifts the read-only of the
// running session (a session started with --read-only stays so until restarted without it).
import {Box} from 'ink';
import {useEffect, useMemo, useState} from 'react';
import {profileRegionProblem, shownProfileSettings, type AwsConfigProfile} from '../../model/connection.js';
import {describeError} from '../../model/errors.js';
import type {ConnectionSettings} from '../../model/gateway.js';
import {formatAge} from '../../model/views.js';
import type {ConfigStore, StoredProfile} from '../../store/config.js';
import type {Column} from '../components/Table.js';
import {ToneText} from '../components/ToneText.js';
import {priority, useKeys} from '../hooks/keyboard.js';
import {AddProfileForm} from './AddProfileForm.js';
import {ListScreen} from './ListScreen.js';

export interface ProfileRow {
	name: string;
	stored: StoredProfile | undefined;
	/** The profile as ~/.aws holds it (undefined: only iamtui knows it). */
	awsConfig: AwsConfigProfile | undefined;
	/** The region and endpoint shown (shownProfileSettings). */
	shown: {region?: string; endpoint?: string};
	current: boolean;
}

export const profileRows = (stored: StoredProfile[], awsConfig: AwsConfigProfile[], current: string | undefined): ProfileRow[] => {
	const names = [...new Set([...stored.map(p => p.name), ...awsConfig.map(p => p.name)])].sort((a, b) => a.localeCompare(b));
	return names.map(name => {
		const own = stored.find(p => p.name === name);
		const config = awsConfig.find(p => p.name === name);
		return {name, stored: own, awsConfig: config, shown: shownProfileSettings(own, config), current: name === current};
	});
};

export const settingsFor = (row: ProfileRow): ConnectionSettings => ({
	profile: row.name,
	...(row.stored?.region ? {region: row.stored.region} : {}),
	...(row.stored?.endpoint ? {endpoint: row.stored.endpoint} : {}),
	...(row.stored?.readOnly ? {readOnly: true} : {}),
});

const filterProfiles = (rows: ProfileRow[], query: string): ProfileRow[] => {
	const needle = query.trim().toLowerCase();
	if (!needle) return rows;
	return rows.filter(r => `${r.name} ${r.shown.region ?? ''} ${r.shown.endpoint ?? ''}`.toLowerCase().includes(needle));
};

const columns = (now: Date): Array<Column<ProfileRow>> => [
	{id: 'current', header: ' ', width: 1, cell: r => (r.current ? '●' : ' ')},
	{id: 'name', header: 'PROFILE', width: 12, grow: true, cell: r => r.name},
	{
		id: 'source',
		header: 'SOURCE',
		width: 14,
		dropOrder: 2,
		cell: r => [r.stored ? 'iamtui' : '', r.awsConfig ? '~/.aws' : ''].filter(Boolean).join(' + '),
	},
	{id: 'mode', header: 'MODE', width: 9, dropOrder: 5, cell: r => (r.stored?.readOnly ? 'read-only' : '')},
	{id: 'region', header: 'REGION', width: 10, dropOrder: 3, cell: r => (profileRegionProblem(r.shown) ? `✗ ${r.shown.region}` : (r.shown.region ?? ''))},
	{id: 'endpoint', header: 'ENDPOINT', width: 10, grow: true, dropOrder: 1, cell: r => r.shown.endpoint ?? ''},
	{id: 'lastUsed', header: 'USED', width: 5, align: 'right', dropOrder: 4, cell: r => formatAge(r.stored?.lastUsed, now)},
];

function ConfirmRemove(props: {name: string; onConfirm: () => void; onCancel: () => void}) {
	useKeys(input => (input === 'y' || input === 'Y' ? props.onConfirm() : props.onCancel()), {
		active: true,
		priority: priority.text,
	});
	return (
		<ToneText tone="warning" wrap="truncate-end">
			{`Remove the stored profile ${props.name}? y removes · any other key cancels`}
		</ToneText>
	);
}

function ConfirmWritable(props: {name: string; onConfirm: () => void; onCancel: () => void}) {
	useKeys(input => (input === 'y' || input === 'Y' ? props.onConfirm() : props.onCancel()), {
		active: true,
		priority: priority.text,
	});
	return (
		<ToneText tone="danger" wrap="truncate-end">
			{`Make ${props.name} writable? Writes from iamtui will reach its account. y makes it writable · any other key cancels`}
		</ToneText>
	);
}

type Mode = {kind: 'list'} | {kind: 'add'} | {kind: 'confirm'; name: string} | {kind: 'writable'; name: string};

export function ProfilesScreen(props: {
	store: ConfigStore;
	loadAwsConfigProfiles: () => Promise<AwsConfigProfile[]>;
	current: ConnectionSettings;
	now: Date;
	onSwitch: (settings: ConnectionSettings) => void;
	onBack: () => void;
	flash: (text: string, tone?: 'info' | 'error') => void;
	focused: boolean;
	width: number;
	height: number;
}) {
	const {store, flash} = props;
	const [stored, setStored] = useState(() => store.profiles());
	const [awsConfig, setAwsConfig] = useState<AwsConfigProfile[]>([]);
	const [mode, setMode] = useState<Mode>({kind: 'list'});
	useEffect(() => {
		let current = true;
		props.loadAwsConfigProfiles().then(
			profiles => current && setAwsConfig(profiles),
			(error: unknown) => current && flash(`Could not read ~/.aws/config: ${describeError(error)}`, 'error'),
		);
		return () => {
			current = false;
		};
	}, [props.loadAwsConfigProfiles, flash]);
	const rows = useMemo(() => profileRows(stored, awsConfig, props.current.profile), [stored, awsConfig, props.current.profile]);
	const tableColumns = useMemo(() => columns(props.now), [props.now]);

	const save = (profile: StoredProfile): string | undefined => {
		try {
			store.saveProfile(profile);
		} catch (error) {
			return `Could not save: ${describeError(error)}`;
		}
		setStored(store.profiles());
		setMode({kind: 'list'});
		flash(`Profile ${profile.name} saved`);
		return undefined;
	};

	const remove = (name: string) => {
		try {
			store.removeProfile(name);
			setStored(store.profiles());
			flash(`Profile ${name} removed`);
		} catch (error) {
			flash(`Could not remove ${name}: ${describeError(error)}`, 'error');
		}
		setMode({kind: 'list'});
	};

	const setReadOnly = (name: string, readOnly: boolean) => {
		try {
			store.setReadOnly(name, readOnly);
			setStored(store.profiles());
			if (readOnly) flash(`Profile ${name} is stored read-only: it opens read-only from now on`);
			else if (props.current.readOnly)
				flash(`Profile ${name} is stored writable. This session stays read-only: restart without --read-only to write to ${name}`);
			else flash(`Profile ${name} is stored writable`);
		} catch (error) {
			flash(`Could not change ${name}: ${describeError(error)}`, 'error');
		}
		setMode({kind: 'list'});
	};

	if (mode.kind === 'add')
		return <AddProfileForm onSave={save} onCancel={() => setMode({kind: 'list'})} awsProfiles={awsConfig.map(p => p.name)} focused={props.focused} />;
	return (
		<Box flexDirection="column">
			<ListScreen
				scope="profiles"
				title="Profiles"
				rows={rows}
				rowKey={r => r.name}
				columns={tableColumns}
				filter={filterProfiles}
				// A region that is not one would be refused once the account is left: said here, where it is kept.
				onOpen={row => {
					const problem = profileRegionProblem(row.shown);
					if (problem) flash(`${row.name} cannot be opened: ${problem}`, 'error');
					else props.onSwitch(settingsFor(row));
				}}
				onBack={props.onBack}
				actions={{
					'add-profile': () => setMode({kind: 'add'}),
					'remove-profile': row => {
						if (!row) return;
						if (row.stored) setMode({kind: 'confirm', name: row.name});
						else flash(`${row.name} comes from ~/.aws/config; iamtui only removes the profiles it stored`, 'error');
					},
					// Read-only needs no confirmation; lifting it does.
					'toggle-read-only': row => {
						if (!row) return;
						if (row.stored?.readOnly) setMode({kind: 'writable', name: row.name});
						else setReadOnly(row.name, true);
					},
				}}
				emptyText="No profiles yet: a adds one."
				focused={props.focused && mode.kind === 'list'}
				width={props.width}
				height={props.height - (mode.kind === 'confirm' || mode.kind === 'writable' ? 1 : 0)}
			/>
			{mode.kind === 'confirm' ? (
				<ConfirmRemove name={mode.name} onConfirm={() => remove(mode.name)} onCancel={() => setMode({kind: 'list'})} />
			) : null}
			{mode.kind === 'writable' ? (
				<ConfirmWritable name={mode.name} onConfirm={() => setReadOnly(mode.name, false)} onCancel={() => setMode({kind: 'list'})} />
			) : null}
		</Box>
	);
}
