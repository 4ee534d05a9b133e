// Loads the account snapshot through the gateway, with progress; builds the index once per snapshot.
// A reload keeps the previous snapshot on screen until the new one is there.
import {createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode} from 'react';
import type {IamGateway} from '../../model/gateway.js';
import {buildIndex, type SnapshotIndex} from '../../model/indexes.js';
import type {AccountSnapshot, SnapshotProgress} from '../../model/snapshot.js';
import {applyPatch} from '../../model/plans/patch.js';
import type {SnapshotPatch} from '../../model/plans/types.js';
import {accessStateOf, type AccessState} from './access.js';
import {createdBy, type CreatedEntity} from './created.js';

export interface SnapshotState {
	snapshot: AccountSnapshot | undefined;
	index: SnapshotIndex | undefined;
	/** Who-has-what for this snapshot: built with the index, never per key press. */
	access: AccessState | undefined;
	loading: boolean;
	progress: SnapshotProgress | undefined;
	/** The last load's failure (cleared when a load starts). */
	error: unknown;
	reload(): void;
	/** After a write: patch the entities touched at once, then reload in the background. */
	apply(patch: SnapshotPatch): void;
	/** How many writes changed the account in this session (the demo asks before a quit throws them away). */
	writes: number;
	/** The user, group or policy the last write created: its list selects it. */
	created: CreatedEntity | undefined;
}

const SnapshotContext = createContext<SnapshotState | undefined>(undefined);

interface LoadState {
	snapshot?: AccountSnapshot;
	loading: boolean;
	progress?: SnapshotProgress;
	error?: unknown;
}

export function SnapshotProvider(props: {
	gateway: IamGateway;
	onLoaded?: (snapshot: AccountSnapshot) => void;
	children: ReactNode;
}) {
	const {gateway} = props;
	const [state, setState] = useState<LoadState>({loading: true});
	const [generation, setGeneration] = useState(0);
	const [writes, setWrites] = useState(0);
	const [created, setCreated] = useState<CreatedEntity>();
	const onLoaded = useRef(props.onLoaded);
	onLoaded.current = props.onLoaded;

	useEffect(() => {
		const abort = new AbortController();
		setState(current => ({snapshot: current.snapshot, loading: true}));
		gateway
			.loadSnapshot({
				signal: abort.signal,
				onProgress: progress => {
					if (!abort.signal.aborted) setState(current => ({...current, progress}));
				},
			})
			.then(
				snapshot => {
					if (abort.signal.aborted) return;
					setState({snapshot, loading: false});
					onLoaded.current?.(snapshot);
				},
				(error: unknown) => {
					if (!abort.signal.aborted) setState(current => ({snapshot: current.snapshot, loading: false, error}));
				},
			);
		return () => abort.abort();
	}, [gateway, generation]);

	const reload = useCallback(() => setGeneration(g => g + 1), []);
	const apply = useCallback((patch: SnapshotPatch) => {
		setState(current => (current.snapshot ? {...current, snapshot: applyPatch(current.snapshot, patch)} : current));
		setWrites(n => n + 1);
		setCreated(current => createdBy(patch, (current?.seq ?? 0) + 1) ?? current);
		setGeneration(g => g + 1);
	}, []);
	const index = useMemo(() => (state.snapshot ? buildIndex(state.snapshot) : undefined), [state.snapshot]);
	const access = useMemo(() => (index ? accessStateOf(index) : undefined), [index]);
	const value = useMemo<SnapshotState>(
		() => ({snapshot: state.snapshot, index, access, loading: state.loading, progress: state.progress, error: state.error, reload, apply, writes, created}),
		[state, index, access, reload, apply, writes, created],
	);
	return <SnapshotContext.Provider value={value}>{props.children}</SnapshotContext.Provider>;
}

export const useSnapshot = (): SnapshotState => {
	const snapshot = useContext(SnapshotContext);
	if (!snapshot) throw new Error('useSnapshot needs a SnapshotProvider');
	return snapshot;
};
