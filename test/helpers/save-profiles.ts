// Run as its own process (two at once, by profiles-store.test.ts): saves COUNT profiles named
// PREFIX-0… into the config store in DIR, starting at START (epoch ms) so both processes race.
import {ConfigStore} from '../../source/store/config.js';

const [dir, prefix, count, start] = process.argv.slice(2);
const store = new ConfigStore({cwd: dir});
while (Date.now() < Number(start)) {
	// Busy-wait: both processes begin within a millisecond of each other.
}
for (let n = 0; n < Number(count); n++) store.saveProfile({name: `${prefix}-${n}`, region: 'eu-west-1'});
