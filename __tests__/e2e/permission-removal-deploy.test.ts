import { describeRemovals } from './permission-removal';

describeRemovals('deploy');
