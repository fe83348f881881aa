import { Foundation1763900000000 } from './1763900000000-foundation';
import { Meetings1764000000000 } from './1764000000000-meetings';
import { Live1764100000000 } from './1764100000000-live';

/** Every migration, in order. Feature issues append theirs here. */
export const MIGRATIONS = [Foundation1763900000000, Meetings1764000000000, Live1764100000000];
