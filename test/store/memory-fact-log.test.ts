/**
 * The in-memory fact log against the FactLog specification.
 */

import { MemoryFactLog } from '../../src/store/memory-fact-log.ts';
import { describeFactLog } from './describe-fact-log.ts';

describeFactLog('MemoryFactLog', () => new MemoryFactLog());
