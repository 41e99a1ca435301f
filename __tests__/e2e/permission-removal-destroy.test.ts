import { describeRemovals } from './permission-removal';

describeRemovals('destroy');
