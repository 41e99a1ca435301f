import { describeRemovals } from './permission-removal';

describeRemovals('cleanup');
