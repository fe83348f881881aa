import { Foundation1763900000000 } from './1763900000000-foundation';
import { Meetings1764000000000 } from './1764000000000-meetings';
import { Live1764100000000 } from './1764100000000-live';
import { Topics1764200000000 } from './1764200000000-topics';
import { Plans1764300000000 } from './1764300000000-plans';
import { Documents1764400000000 } from './1764400000000-documents';
import { Collab1764410000000 } from './1764410000000-collab';
import { Outcomes1764500000000 } from './1764500000000-outcomes';
import { Duty1764600000000 } from './1764600000000-duty';

/** Every migration, in order. Feature issues append theirs here. */
export const MIGRATIONS = [Foundation1763900000000, Meetings1764000000000, Live1764100000000, Topics1764200000000, Plans1764300000000, Documents1764400000000, Collab1764410000000, Outcomes1764500000000, Duty1764600000000];
