// The secret's two ways out of memory, split by concern: the CSV file (credentials-csv.ts) and the
// clipboard with auto-clear (clipboard-auto-clear.ts). Only SecretOnce.tsx still imports its types from
// here; once it imports them from those files, this file goes.
export type {SaveResult} from './credentials-csv.js';
export type {ClipboardHandle} from './clipboard-auto-clear.js';
