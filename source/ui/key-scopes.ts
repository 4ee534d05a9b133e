// Where the keymap's keys apply: the scopes (a screen, or a phase within one) and the named sets of them
// the commands share (every list sorts, every detail screen has sections, …).

/** Where a set of keys applies: a screen, or a phase within one (a form's text field, a filter being typed). */
export type KeyScope = 'users' | 'user' | 'groups' | 'group' | 'roles' | 'role' | 'policies' | 'policy' | 'profiles' | 'accounts' | 'account' | 'people' | 'person' | 'ic-group' | 'whocan' | 'access' | 'picker' | 'plan' | 'secret' | 'offboard' | 'everywhere' | 'rotate' | 'hygiene' | 'wizard' | 'write-wizard' | 'journal' | 'journal-entry' | 'form' | 'choice' | 'plan-done' | 'filter' | 'query' | 'field';
export type Scope = 'global' | KeyScope;

export const lists: KeyScope[] = ['users', 'groups', 'roles', 'policies', 'profiles', 'hygiene', 'journal', 'accounts', 'people'];
export const sortable: KeyScope[] = ['users', 'groups', 'roles', 'policies', 'hygiene', 'accounts', 'people'];
export const details: KeyScope[] = ['user', 'group', 'role', 'policy', 'account', 'person', 'ic-group'];
// Who-has-what screens: their own keys, plus moving and going back.
export const tools: KeyScope[] = ['whocan', 'access'];
// Writes: pick users or a group, then confirm a plan.
// 'write-wizard': the group and policy wizards (lists to choose from, forms, the JSON preview).
export const writes: KeyScope[] = ['picker', 'plan', 'offboard', 'everywhere', 'rotate', 'write-wizard'];
export const every: KeyScope[] = [...lists, ...details, ...tools, ...writes];
// SecretOnce moves between the credentials it shows, and has its own way out (dismiss, which asks first).
export const moving: KeyScope[] = [...every, 'secret', 'plan-done', 'filter', 'query'];
// A finished plan scrolls its report by pages as it scrolled the plan.
export const paging: KeyScope[] = [...every, 'plan-done'];
