// A user's effective access as detail lines: one line per service (enter/→ unfolds it), and under an
// unfolded service its grants with their paths and the denies that cut into it.
import type {EffectiveAccess, ServiceGrant} from '../../model/access.js';
import {heading, note, type DetailLine} from '../components/DetailList.js';
import {pathText, sourceText} from './access-text.js';

const grantText = (grant: ServiceGrant): string => {
	const on = `${grant.notResource ? 'on everything except ' : 'on '}${grant.resources.join(', ') || '*'}`;
	return `${grant.statement.effect === 'Deny' ? 'deny' : 'allow'} ${grant.actions.join(', ')} ${on}${grant.conditional ? '  [conditional]' : ''}`;
};

export const accessLines = (access: EffectiveAccess, expanded: ReadonlySet<string>, toggle: (service: string) => void): DetailLine[] => {
	const lines: DetailLine[] = [];
	if (access.boundary) lines.push(note('boundary', `permissions boundary: ${sourceText(access.boundary)} (limits every grant below)`, 'warning'));
	lines.push(heading('services', `Allowed by service (${access.services.length}) — enter/→ shows the grant paths`));
	if (access.services.length === 0) lines.push(note('services-none', 'nothing: no policy allows anything'));
	for (const service of access.services) {
		const open = expanded.has(service.service);
		const name = service.service === '*' ? '* (every service)' : service.service;
		const marks = [
			`${service.grants.length} grant${service.grants.length === 1 ? '' : 's'}`,
			...(service.denies.length > 0 ? [`${service.denies.length} den${service.denies.length === 1 ? 'y' : 'ies'}`] : []),
			...(service.conditional ? ['conditional'] : []),
		];
		const toggleIt = () => toggle(service.service);
		// Folding from a grant line leaves the cursor on the service (DetailList follows the anchor).
		const anchor = `svc-${service.service}`;
		lines.push({key: anchor, text: `${open ? '▾' : '▸'} ${name}  (${marks.join(', ')})`, tone: service.conditional ? 'warning' : undefined, open: toggleIt});
		if (!open) continue;
		service.grants.forEach((grant, n) => {
			lines.push({key: `svc-${service.service}-g${n}`, text: `    ${grantText(grant)}`, tone: grant.conditional ? 'warning' : undefined, open: toggleIt, anchor});
			lines.push({key: `svc-${service.service}-g${n}-path`, text: `      ← ${pathText(grant.statement)}`, dim: true, open: toggleIt, anchor});
		});
		service.denies.forEach((deny, n) => {
			lines.push({key: `svc-${service.service}-d${n}`, text: `    ${grantText(deny)}  ← ${pathText(deny.statement)}`, tone: 'error', open: toggleIt, anchor});
		});
	}
	if (access.couldNotEvaluate.length > 0) {
		lines.push(heading('problems', `Policies that could not be evaluated (${access.couldNotEvaluate.length})`));
		access.couldNotEvaluate.forEach((problem, n) => lines.push(note(`problem-${n}`, `${sourceText(problem.source)}: ${problem.reason}`, 'warning')));
	}
	return lines;
};
