// The copy a restore took of the file it replaced, offered on Settings until it is used
// or the app restarts (it stays in the backup list either way).
import type { Backup } from "../../bindings/Backup";

export const lastRestore = $state({ before: null as Backup | null });
