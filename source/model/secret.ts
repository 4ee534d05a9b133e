// A secret (a password, a secret access key) held in memory on its way to the SecretOnce screen.
// It refuses to turn into text by accident: JSON, string interpolation and util.inspect all print a
// placeholder, so a plan, a journal record, a log or a crash message cannot carry it. Only reveal() does.
const PLACEHOLDER = '«secret»';

export class Secret {
	#value: string | undefined;
	/** A password the operator typed (they know it) rather than one iamtui generated: plans word it so. */
	readonly typed: boolean;

	constructor(value: string, options: {typed?: boolean} = {}) {
		this.#value = value;
		this.typed = options.typed ?? false;
	}

	/** The value, for the one place that must send or show it; throws after wipe(). */
	reveal(): string {
		if (this.#value === undefined) throw new Error('this secret was dismissed and is gone');
		return this.#value;
	}

	get wiped(): boolean {
		return this.#value === undefined;
	}

	/** Drops the value; every later reveal() throws. */
	wipe(): void {
		this.#value = undefined;
	}

	toString(): string {
		return PLACEHOLDER;
	}

	toJSON(): string {
		return PLACEHOLDER;
	}

	[Symbol.for('nodejs.util.inspect.custom')](): string {
		return PLACEHOLDER;
	}
}

export const isSecret = (value: unknown): value is Secret => value instanceof Secret;

/** Wipes every Secret among an object's own values (a plan step's input): a cancelled plan leaves none behind. */
export const wipeSecretsIn = (values: Iterable<object>): void => {
	for (const value of values) for (const field of Object.values(value)) if (isSecret(field)) field.wipe();
};
