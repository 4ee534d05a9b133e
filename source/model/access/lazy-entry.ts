// A who-can entry whose paths (via, and conditions when there are any) are built on first read. Who may
// assume a role through an account trust is who-can's answer for sts:AssumeRole, asked for every role
// signature over thousands of users, yet a query reads the paths of only the users it shows: the name,
// decision and actions are known from the answers, the paths are not needed to know them.
import type {EvalSet} from './eval-sets.js';
import type {Holder} from './holders.js';
import type {ConditionShown, GrantPath, WhoCanEntry} from './types.js';

const NO_CONDITIONS: ConditionShown[] = [];

export class LazyEntry implements WhoCanEntry {
	readonly kind: WhoCanEntry['kind'];
	readonly name: string;
	readonly arn: string;
	readonly decision: WhoCanEntry['decision'];
	readonly actions: string[];
	readonly incomplete: boolean;
	#built: WhoCanEntry | undefined;
	readonly #build: (principal: Holder, sets: Array<EvalSet | undefined>) => WhoCanEntry;
	readonly #principal: Holder;
	readonly #sets: Array<EvalSet | undefined>;
	readonly #conditional: boolean;

	/**
	 * `build` makes the whole entry (as who-can does, paths included); `conditional` says whether it has
	 * conditions at all, so an entry without any answers `conditions` without being built.
	 */
	constructor(
		principal: Holder,
		sets: Array<EvalSet | undefined>,
		known: Pick<WhoCanEntry, 'decision' | 'actions'> & {conditional: boolean},
		build: (principal: Holder, sets: Array<EvalSet | undefined>) => WhoCanEntry,
	) {
		this.kind = principal.kind;
		this.name = principal.name;
		this.arn = principal.arn;
		this.decision = known.decision;
		this.actions = known.actions;
		this.incomplete = principal.problems.length > 0;
		this.#principal = principal;
		this.#sets = sets;
		this.#conditional = known.conditional;
		this.#build = build;
	}

	#entry(): WhoCanEntry {
		return (this.#built ??= this.#build(this.#principal, this.#sets));
	}

	get via(): GrantPath[] {
		return this.#entry().via;
	}

	get conditions(): ConditionShown[] {
		return this.#conditional ? this.#entry().conditions : NO_CONDITIONS;
	}
}
