import { Foundation1763900000000 } from './1763900000000-foundation';
import { Meetings1764000000000 } from './1764000000000-meetings';
import { Live1764100000000 } from './1764100000000-live';
import { Topics1764200000000 } from './1764200000000-topics';
import { Plans1764300000000 } from './1764300000000-plans';

/** Every migration, in order. Feature issues append theirs here. */
export const MIGRATIONS = [Foundation1763900000000, Meetings1764000000000, Live1764100000000, Topics1764200000000, Plans1764300000000];
